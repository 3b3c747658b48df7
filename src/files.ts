/**
 * Which visit files a command works on: files as given, folders searched
 * for .yaml/.yml, anything else taken as a glob. Sorted, without repeats.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ui, type Lang } from './messages.js';

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** The .yaml/.yml files under a folder, without hidden folders or node_modules (no glob library needed). */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !/\.ya?ml$/.test(e.name)) continue;
    const rel = relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep);
    if (rel.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    out.push(rel.join('/'));
  }
  return out;
}

/** Expands paths, folders and globs into a sorted list of files; also says which arguments matched nothing. */
export async function findVisitFiles(args: readonly string[]): Promise<{ files: string[]; unmatched: string[] }> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    let matches: string[];
    if (info?.isFile()) matches = [arg];
    else if (info?.isDirectory()) {
      matches = (await yamlFilesUnder(arg)).map((m) => `${arg.replace(/\/+$/, '')}/${m}`);
    } else {
      // The glob library loads only for patterns: a pre-commit hook passing file names stays fast.
      const { glob } = await import('tinyglobby');
      matches = await glob([arg], { ignore: IGNORE, dot: false });
    }
    if (matches.length === 0) unmatched.push(arg);
    for (const m of matches) found.add(m);
  }
  return { files: [...found].sort(), unmatched };
}

/**
 * The visit files the command works on (default: visits/), or undefined
 * after saying, in the user's language, which argument matched nothing.
 */
export async function visitFilesOrExplain(paths: readonly string[], lang: Lang, err: (text: string) => void): Promise<string[] | undefined> {
  const { files, unmatched } = await findVisitFiles(paths.length > 0 ? paths : ['visits']);
  if (files.length > 0 && unmatched.length === 0) return files;
  const t = ui[lang];
  err(`${t.noFiles((unmatched.length > 0 ? unmatched : paths).join(', ') || 'visits')}\n${t.noFilesHint}\n`);
  return undefined;
}
