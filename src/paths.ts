/**
 * Where the package's own files are (page template, house styles, schema,
 * compiled workers), found from this module's place whatever the layout:
 * the sources (tests), the compiled `lib/`, or the bundle in `lib/bundle/`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The package's root folder: package.json, templates/, typst/, schemas/, lib/. */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the package, from its path relative to the root (`typst/page.typ`). */
export const packageFile = (path: string): string => join(PACKAGE_ROOT, path);
