/**
 * French typography on the text of a Markdown tree: no-break spaces before
 * high punctuation and inside guillemets, ordinals, apostrophes, spaced en
 * dashes in headings. Code, URLs, e-mail addresses and times are left alone.
 */
import type { Heading, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** Narrow no-break space (before ; ! ? and inside « »). */
export const NNBSP = '\u202f';
/** No-break space (before :). */
export const NBSP = '\u00a0';

// Tokens that must not be touched: URLs, e-mail addresses, times like 9:30.
const PROTECTED = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>]*|[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}|\b\d{1,2}:\d{2}\b/gi;
/** What every protected token holds. */
const MAY_PROTECT = /[:@]|www\./i;

/** Applies the rules to a plain string (no Markdown syntax in it). */
export function frenchTypography(input: string, heading = false): string {
  // Every protected token holds ':' (a URL, a time), '@' or 'www.': most texts have none to look for.
  if (!MAY_PROTECT.test(input)) return fix(input, heading);
  let out = '';
  let last = 0;
  for (const match of input.matchAll(PROTECTED)) {
    out += fix(input.slice(last, match.index), heading) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + fix(input.slice(last), heading);
}

// Each rule runs only where the character it needs is found: a bulletin has
// hundreds of short texts, most of them with nothing to change, and the
// document is typeset once per output.
function fix(s: string, heading: boolean): string {
  let t = s;
  const digit = /\d/.test(t);
  if (digit) {
    // Ordinals: 2ème, 2eme, 2è → 2e; 1ère → 1re; 1ier → 1er.
    t = t.replace(/\b(\d+)(?:ème|eme|è)(s?)\b/g, '$1e$2').replace(/\b1(?:ère|ere)(s?)\b/g, '1re$1').replace(/\b1ier(s?)\b/g, '1er$1');
  }
  // Typographic apostrophe between letters.
  if (t.includes("'")) t = t.replace(/([A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ])/g, '$1’');
  // Three dots → ellipsis.
  if (t.includes('...')) t = t.replace(/\.\.\.(?!\.)/g, '…');
  // Guillemets: narrow no-break space inside, replacing any spaces there.
  if (t.includes('«')) t = t.replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`);
  if (t.includes('»')) t = t.replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`);
  const mark = /[;!?]/.test(t);
  // ; ! ? after a word: narrow no-break space before the first mark of a run.
  if (mark) t = t.replace(/([^\s\u00a0\u202f;!?:«(\[])[ \u00a0\u202f]*([;!?]+)/g, `$1${NNBSP}$2`);
  const colon = t.includes(':');
  if (colon) {
    // : followed by a space or the end (not 9:30, not a URL): no-break space before.
    t = t.replace(/([^\s\u00a0\u202f;!?:«(\[\d])[ \u00a0\u202f]*:(?=\s|$)/g, `$1${NBSP}:`);
    t = t.replace(/(\d)[ \u00a0\u202f]+:(?=\s|$)/g, `$1${NBSP}:`);
  }
  // A text that starts with the mark (the word before it was emphasis or a link).
  if (mark) t = t.replace(/^[ \u00a0\u202f]+([;!?]+)/, `${NNBSP}$1`);
  if (colon) t = t.replace(/^[ \u00a0\u202f]+:(?=\s|$)/, `${NBSP}:`);
  // Times written 9 h 30: keep together.
  if (digit && t.includes(' h')) t = t.replace(/\b(\d{1,2}) h (\d{2})\b/g, `$1${NBSP}h${NBSP}$2`).replace(/\b(\d{1,2}) h\b/g, `$1${NBSP}h`);
  if (heading) t = t.replace(/ [-–—] /g, ` – `);
  return t;
}

/** The remark plugin. */
export function remarkFrenchTypography() {
  return (tree: Root): void => {
    visit(tree, (node, _index, parent) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return SKIP;
      // A link whose text is its own address stays as written.
      if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text'
        && node.children[0].value.replace(/^mailto:/, '') === node.url.replace(/^mailto:/, '')) return SKIP;
      if (node.type === 'text') {
        const inHeading = (parent as Heading | undefined)?.type === 'heading';
        (node as Text).value = frenchTypography((node as Text).value, inHeading);
      }
      return undefined;
    });
  };
}
