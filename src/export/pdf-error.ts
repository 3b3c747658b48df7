/** A Typst compilation that failed: the page template's fault, with the line when Typst gives one. Kept apart so that catching it does not load the compiler. */
export class TypstError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'TypstError';
  }
}
