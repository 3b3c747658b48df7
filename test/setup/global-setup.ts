/**
 * Builds lib/ once before the suite: the CLI tests spawn `node bin/visite.js`,
 * which loads the bundle of the compiled sources (`lib/bundle/visite.cjs`), so
 * they must see the current sources.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  // The same steps as `npm run build`: compile, precompile the schemas and templates, bundle.
  const steps = [[tsc, '-p', 'tsconfig.build.json'], ['scripts/build-validators.js'], ['scripts/build-templates.js'], ['scripts/bundle.js']];
  for (const args of steps) {
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`${args.join(' ')} failed:\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`);
    }
  }
}
