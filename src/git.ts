/**
 * The visit files changed since a Git ref, for `visite validate --changed`:
 * what differs from REF in the working tree (staged or not) and new files
 * Git does not ignore. Deleted files are left out: there is nothing to check.
 */
import type { execFile as ExecFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

// Node's child_process (and the sockets it brings) only when Git is asked: `visite validate` in a
// pre-commit hook starts without it.
let execFile: typeof ExecFile | undefined;
const run = (file: string, args: readonly string[], options: { cwd: string; maxBuffer?: number }): Promise<{ stdout: string; stderr: string }> => {
  execFile ??= (createRequire(import.meta.url)('node:child_process') as { execFile: typeof ExecFile }).execFile;
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' });
};

/** Whether `ref` names a commit in the repository of `cwd`. */
export async function isCommit(ref: string, cwd = process.cwd()): Promise<boolean> {
  if (ref.startsWith('-')) return false;
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}

/** YAML files changed since `ref` (paths relative to `cwd`), or an error message when Git cannot tell. */
export async function changedSince(ref: string, cwd = process.cwd()): Promise<{ files: string[] } | { error: string }> {
  try {
    const opts = { cwd, maxBuffer: 64 * 1024 * 1024 };
    const [diff, untracked] = await Promise.all([
      run('git', ['diff', '--name-only', '--relative', '--diff-filter=ACMR', '-z', ref, '--', '*.yaml', '*.yml'], opts),
      run('git', ['ls-files', '--others', '--exclude-standard', '-z', '--', '*.yaml', '*.yml'], opts),
    ]);
    const files = new Set([...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter(Boolean));
    return { files: [...files].sort() };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { error: (e.stderr || e.message).split('\n')[0] ?? 'git failed' };
  }
}
