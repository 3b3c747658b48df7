import type { RenderedVisit } from '../render/index.js';
export async function pdfBytes(_rendered: RenderedVisit, _logo?: { mime: string; data: Uint8Array }): Promise<Uint8Array> { throw new Error('PDF export is not built yet'); }
