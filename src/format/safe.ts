/**
 * Text from a visit file is printed to terminals and CI logs: control
 * characters and bidirectional overrides are made visible, never obeyed.
 */

// C0/C1 controls except tab and newline, DEL, and the bidi embedding, override and isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces characters that could drive a terminal with U+FFFD. */
export function printable(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}
