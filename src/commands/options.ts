/** Values the CLI's options accept, apart from the commands so that parsing loads nothing heavy. */

/** Output formats of `visite validate`. */
export const FORMATS = ['pretty', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Output formats of `visite render`. */
export const OUTPUTS = ['md', 'html', 'pdf'] as const;
export type Output = (typeof OUTPUTS)[number];
