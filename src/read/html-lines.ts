// Turns mammoth's HTML into text lines: one line per paragraph, heading or list item;
// one line per table row with cells joined by TAB; <strong> runs as **bold**.
// A small hand-written scanner: mammoth's output is regular, well-formed HTML.

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'div', 'blockquote']);
const SKIPPED = new Set(['script', 'style']);

export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let buf = ''; // the current line (outside tables) or the current cell (inside a table)
  let cells: string[] | null = null; // cells of the current outermost table row
  let tableDepth = 0;
  let skipDepth = 0;
  const boldStarts: number[] = [];

  const flushLine = () => {
    const line = tidy(buf);
    if (line !== '') lines.push(line);
    buf = '';
  };
  const breakInCell = () => {
    if (buf !== '' && !/\s$/.test(buf)) buf += ' ';
  };
  const blockBoundary = () => (tableDepth > 0 ? breakInCell() : flushLine());

  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->/g;
  let pos = 0;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (skipDepth === 0) buf += decodeEntities(html.slice(pos, m.index));
    pos = tagRe.lastIndex;
    if (!m[2]) continue; // a comment
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (SKIPPED.has(name)) {
      skipDepth += closing ? -1 : 1;
      continue;
    }
    if (skipDepth > 0) continue;
    if (name === 'strong' || name === 'b') {
      if (!closing) boldStarts.push(buf.length);
      else if (boldStarts.length > 0) buf = wrapBold(buf, boldStarts.pop()!);
    } else if (name === 'br') {
      if (tableDepth > 0) breakInCell();
      else flushLine();
    } else if (name === 'table') {
      if (!closing) {
        if (tableDepth === 0) flushLine();
        tableDepth++;
      } else {
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) {
          flushRow();
          buf = '';
        } else breakInCell();
      }
    } else if (name === 'tr') {
      if (tableDepth === 1) {
        flushRow();
        if (!closing) cells = [];
      } else breakInCell();
    } else if (name === 'td' || name === 'th') {
      if (tableDepth === 1) {
        if (closing && cells) cells.push(tidy(buf).replace(/\t/g, ' '));
        buf = '';
      } else breakInCell();
    } else if (BLOCKS.has(name)) {
      blockBoundary();
    }
  }
  if (skipDepth === 0) buf += decodeEntities(html.slice(pos));
  flushRow();
  flushLine();
  return lines;

  function flushRow() {
    if (cells && cells.some((c) => c !== '')) lines.push(cells.join('\t'));
    cells = null;
  }
}

/** Wraps buf[start..] in ** **, keeping surrounding whitespace outside; empty runs are left as they are. */
function wrapBold(buf: string, start: number): string {
  const run = buf.slice(start);
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run)!;
  if (m[2] === '') return buf;
  return buf.slice(0, start) + m[1] + '**' + m[2] + '**' + m[3];
}

/** Collapse newlines to spaces, drop trailing whitespace, join adjacent bold runs. */
function tidy(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/\*\*\*\*/g, '')
    .replace(/^[ \u00a0]+|\s+$/g, '');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent] ?? whole;
  });
}
