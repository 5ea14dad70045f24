// The span of each task's title in the original text: the title is found in the repaired paragraph of
// the task's line, and the source map gives back its original characters.
import type { Task } from '../model/records.js';
import { spanOf, type Block, type LineIndex } from '../repair/index.js';

const MIN_PREFIX = 4;

/** Sets `span` on every task whose title (or its first characters) stands in a block of its line. */
export function withTaskSpans(tasks: Task[], blocks: Block[], index: LineIndex): Task[] {
  const byLine = new Map<number, Block[]>();
  for (const b of blocks) {
    for (let l = b.line; l <= b.lastLine; l++) {
      const list = byLine.get(l);
      if (list) list.push(b);
      else byLine.set(l, [b]);
    }
  }
  for (const t of tasks) {
    const title = t.title.trim();
    for (const b of byLine.get(t.line) ?? []) {
      const at = locate(b.text, title);
      const span = at && spanOf(b.mapped, at[0], at[1], index);
      if (span) {
        t.span = span;
        break;
      }
    }
  }
  return tasks;
}

/** Where the title, else its longest prefix of MIN_PREFIX characters or more, stands in the text. */
function locate(text: string, title: string): [number, number] | undefined {
  for (let len = title.length; len >= Math.min(title.length, MIN_PREFIX) && len > 0; len--) {
    const k = text.indexOf(title.slice(0, len));
    if (k >= 0) return [k, k + len];
  }
  return undefined;
}
