/** Values the CLI's options accept, apart from the commands so that parsing loads nothing heavy. */
import type { Config } from '../config.js';
import type { Lang } from '../messages.js';

/** What every command that writes files gets from the CLI. */
export interface WritingCommandOptions {
  config: Config;
  lang: Lang;
  color: boolean;
  /** Show a progress line (a terminal is watching). */
  progress: boolean;
  /** PDF worker threads for a batch (0: compile in the main thread). Default: one per core. */
  jobs?: number;
  out_: (text: string) => void;
  err: (text: string) => void;
}

/** Output formats of `visite validate`. */
export const FORMATS = ['pretty', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Output formats of `visite render`. */
export const OUTPUTS = ['md', 'html', 'pdf'] as const;
export type Output = (typeof OUTPUTS)[number];
