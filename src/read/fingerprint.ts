// The fingerprint of a document's text: what stays the same when the same text comes in another form
// (more blank lines, trailing spaces, CRLF, GBK instead of UTF-8, a DOCX instead of a .txt), so that a copy
// is recognised by its text and not only by its bytes. Pure.
import { createHash } from 'node:crypto';

/**
 * The text as compared, from the text as read (after decoding; a DOCX's paragraphs and table rows as
 * lines): every whitespace character dropped (spaces, tabs, line breaks, blank lines, U+3000, NBSP, BOM —
 * a copy re-wrapped or re-spaced is the same text; in Chinese no meaning rests on a space), the bold marks
 * `**` a DOCX's bold runs are read as dropped (formatting, not text), and the full-width forms of ASCII
 * (U+FF01–U+FF5E: ＡＢ１２，（）％) made half-width. Nothing else changes: 。 and . stay different, and so
 * do ① and 1, traditional and simplified characters, upper and lower case — those are different texts.
 */
export function normaliseForFingerprint(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\*\*/g, '');
}

/** JavaScript's \s: the characters normaliseForFingerprint drops. */
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const STAR = 0x2a;

/**
 * sha256 (hex) of normaliseForFingerprint(text), computed in one pass over the text without building the
 * normalised copy (a 50 MB text would otherwise be copied three more times): a `*` waits for the next
 * character that is not whitespace, and a second `*` drops both — the leftmost pairs, as the regex does.
 */
export function textFingerprint(text: string): string {
  const h = createHash('sha256');
  const buf = new Uint16Array((1 << 16) + 256);
  const flush = (n: number) => h.update(Buffer.from(buf.buffer, 0, n * 2).toString('utf16le'));
  let n = 0;
  let star = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c === STAR) {
      star = !star;
      continue;
    }
    if (star) buf[n++] = STAR;
    star = false;
    buf[n++] = c;
    // never between the halves of a surrogate pair (each half alone would hash as U+FFFD)
    if ((n >= 1 << 16 && (c < 0xd800 || c > 0xdbff)) || n >= buf.length - 2) {
      flush(n);
      n = 0;
    }
  }
  if (star) buf[n++] = STAR;
  flush(n);
  return h.digest('hex');
}
