// Rebuilding text lines from positioned PDF text items. Pure, so it can be tested alone.

/** A text item placed on the page in device space (y grows downwards). */
export interface PlacedItem {
  str: string;
  x: number; // left edge
  y: number; // baseline
  width: number; // advance width
  size: number; // font height
}

interface Line {
  y: number;
  size: number;
  items: PlacedItem[];
}

/** Gap (in average character widths) above which two items are separate table cells. */
export const TAB_GAP = 2;
/** Gap (in average character widths) above which two items are separate words. */
export const SPACE_GAP = 0.25;

/** Group items into lines (top to bottom), join each line's items left to right. */
export function buildLines(items: PlacedItem[]): string[] {
  const usable = items.filter((it) => it.str.trim() !== '');
  const sorted = [...usable].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(it.y - last.y) <= 0.5 * Math.max(it.size, last.size)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else {
      lines.push({ y: it.y, size: it.size, items: [it] });
    }
  }
  return lines.map(joinLine).filter((s) => s !== '');
}

function joinLine(line: Line): string {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  const charW = averageCharWidth(items, line.size);
  let out = '';
  let prev: PlacedItem | undefined;
  for (const it of items) {
    const str = it.str.replace(/[\r\n]+/g, ' ');
    if (prev) {
      const gap = it.x - (prev.x + prev.width);
      if (gap > TAB_GAP * charW) out = out.replace(/ +$/, '') + '\t';
      else if (gap > SPACE_GAP * charW && !/\s$/.test(out) && !/^\s/.test(str)) out += ' ';
    }
    out += out.endsWith('\t') ? str.replace(/^ +/, '') : str;
    prev = it;
  }
  return out.replace(/[ \t]+$/, '');
}

function averageCharWidth(items: PlacedItem[], size: number): number {
  let width = 0;
  let chars = 0;
  for (const it of items) {
    if (it.width > 0) {
      width += it.width;
      chars += [...it.str].length;
    }
  }
  return chars > 0 && width > 0 ? width / chars : Math.max(size, 1) * 0.5;
}
