/**
 * The visit files changed since a Git ref, for `visite validate --changed`:
 * what differs from REF in the working tree (staged or not) and new files
 * Git does not ignore. Deleted files are left out: there is nothing to check.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

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
