import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [{
    // The sources have no precompiled validators (the build writes them to lib/): the tests
    // compile the schemas at run time instead, with the same options (src/validate/validators.ts).
    name: 'run-time-validators',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../schema/validators.js' && importer?.endsWith('/src/validate/validators.ts')) {
        return fileURLToPath(new URL('./src/validate/schema-compile.ts', import.meta.url));
      }
      return undefined;
    },
  }],
  test: {
    include: ['test/**/*.test.ts'],
    // Builds lib/ once, for the tests that spawn the real CLI (bin/visite.js runs lib/bundle/visite.cjs).
    globalSetup: ['./test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
