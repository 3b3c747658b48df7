/**
 * Builds lib/ once before the suite: the CLI tests spawn `node bin/visite.js`,
 * which loads the compiled `lib/cli.js`, so they must see the current sources.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  // The same two steps as `npm run build`: compile, then precompile the schemas.
  for (const args of [[tsc, '-p', 'tsconfig.build.json'], ['scripts/build-validators.js']]) {
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`${args.join(' ')} failed:\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`);
    }
  }
}
