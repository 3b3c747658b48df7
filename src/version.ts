/** The package's version, read from its package.json. */
import { readFileSync } from 'node:fs';
import { packageFile } from './paths.js';

export const version: string = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
