// Display width of text in a terminal — a CJK or full-width character takes two columns, a combining
// mark or control character none (the East Asian Width ranges string-width uses) — and wrapping a text
// to a width without losing a character: CJK text breaks between any two characters, a run of Latin
// letters, digits or signs (1129.7, PFLOPS, (default:) after its last space when it has one.

/** The columns one code point takes. */
export function charWidth(cp: number): number {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (cp < 0x1100) return 1;
  return isWide(cp) ? 2 : 1;
}

function isWide(cp: number): boolean {
  return (
    cp <= 0x115f || // Hangul Jamo
    cp === 0x2329 ||
    cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) || // CJK radicals, punctuation, kana, bopomofo
    (cp >= 0x3250 && cp <= 0x4dbf) || // enclosed CJK, CJK Extension A
    (cp >= 0x4e00 && cp <= 0xa4c6) || // CJK unified ideographs, Yi
    (cp >= 0xa960 && cp <= 0xa97c) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6b) || // CJK compatibility forms, small forms
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms （，：）
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1b000 && cp <= 0x1b001) ||
    (cp >= 0x1f200 && cp <= 0x1f251) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK Extensions B–
  );
}

/** The columns a line of text takes (no escape sequences expected). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** The widest line of a text that may hold line breaks. */
export function blockWidth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, displayWidth(line));
  return max;
}

/** A character of a Latin word or number, which is not broken while a space before it allows. */
const isWord = (ch: string): boolean => ch !== ' ' && charWidth(ch.codePointAt(0)!) === 1;

/**
 * The lines of `text` each at most `width` columns (a character wider than the width alone on its line).
 * Every character but a space falling where a line breaks is kept: the lines joined give the text back.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    // where the current line may be broken after a space: index in `line` and the width up to it
    let cut = -1;
    let cutWidth = 0;
    for (const ch of para) {
      const cw = charWidth(ch.codePointAt(0)!);
      if (w + cw > width && line.length) {
        // inside a run of Latin letters or digits: carry the run over from the last space, when there is one
        const prev = line[line.length - 1];
        if (cut > 0 && isWord(ch) && isWord(prev)) {
          out.push(line.slice(0, cut).join(''));
          line = line.slice(cut);
          w -= cutWidth;
        } else {
          out.push(line.join(''));
          line = [];
          w = 0;
        }
        cut = -1;
        // a space where the line breaks is the break
        if (ch === ' ' && !line.length) continue;
      }
      line.push(ch);
      w += cw;
      if (ch === ' ') {
        cut = line.length;
        cutWidth = w;
      }
    }
    out.push(line.join(''));
  }
  return out;
}

/** `text` padded with spaces to `width` columns (String.padEnd counts a CJK character as one). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
