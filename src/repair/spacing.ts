// Stray spaces: Chinese is written without spaces, so a space next to Chinese is an artifact of the
// PDF (letter-spaced headings "政 府 工 作 报 告", wraps "455.19 亿", dates "2025 年 4 月 28 日",
// "〕23 号"). A space between two non-Chinese tokens ("1.9 42.33", "Open SDG") is kept. Tabs are kept.
import { isCjk, neighbour } from './chars.js';
import type { Mapped } from './mapped.js';

export function removeStraySpaces(m: Mapped): Mapped {
  return m.replace(/ +/g, (x) => {
    const s = x.input;
    const prev = neighbour(s, x.index, -1);
    const next = neighbour(s, x.index + x[0].length, 1);
    if (prev === undefined || next === undefined) return ''; // at an edge
    if (prev === '\t' || next === '\t') return '';
    if (isCjk(prev) || isCjk(next)) return '';
    return ' ';
  });
}
