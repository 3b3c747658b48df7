/** Validation of visit text held in memory (an editor buffer, the preview, a test). */
import { DEFAULT_RATIOS, type Ratio } from '../derive/index.js';
import { parseVisitText } from '../load.js';
import type { SourceFile } from '../source.js';
import { validateLoaded } from './loaded.js';

/** Validates visit text held in memory, with the full loader. */
export function validateText(path: string, text: string, ratios: readonly Ratio[] = DEFAULT_RATIOS): SourceFile {
  return validateLoaded(parseVisitText(path, text), ratios);
}
