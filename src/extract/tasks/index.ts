// Task extraction (TASKS.md): every task of a task-division or implementation plan with the units that answer
// for it. A task is the paragraph or heading its units close: "1. …。一是…（责任单位：…）" is task 1.; a heading
// "（五）…。" whose units end the next paragraph is task （五）; a label block "牵头单位：…" belongs to the heading
// before it; a department-duty paragraph "（一）市应急管理局。负责…" is a task of that unit.
import type { Deadline, Task } from '../../model/records.js';
import type { Block, LineIndex } from '../../repair/index.js';
import { classify, type Heading } from '../../structure/headings.js';
import { findDeadlines, parseDeadline } from '../deadlines.js';
import { assignmentOf, dutyOf, type Found } from './assign.js';
import { tableTasks } from './table.js';

export interface TaskContext {
  date?: string; // the document's ISO date
}

const ORDINAL_KINDS = new Set(['chapter', 'section', 'part', 'subpart', 'item', 'subitem']);
const TOP_KINDS = new Set(['chapter', 'section', 'part', 'attachment']);
const SUBPOINT = /^[一二三四五六七八九十]+是/;
const DUTY_HEADING = /职责|分工|责任/;
const LOOK_BACK = 6;

interface Draft {
  block: number;
  found: Found;
  labelChain: boolean;
  title?: string;
  texts: string[]; // the task's text, unit parentheses left out (for deadlines)
}

const anchorHead = (h: Heading | undefined) =>
  !!h && ((ORDINAL_KINDS.has(h.kind) && !!h.ordinal) || h.kind === 'heading' || (h.kind === 'lead' && !SUBPOINT.test(h.title)));

/** The text without the given spans. */
function without(text: string, spans: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (a > at) out += text.slice(at, a);
    at = Math.max(at, b);
  }
  return out + text.slice(at);
}

/** The text after a heading's ordinal. */
function afterOrdinal(text: string, h: Heading | undefined): string {
  const t = text.replace(/^\s+/, '');
  if (!h?.ordinal) return t;
  let i = 0;
  for (let k = 0; k < h.ordinal.length && i < t.length; i++) if (t[i] === h.ordinal[k]) k++;
  return t.slice(i).replace(/^\s+/, '');
}

export function extractTasks(blocks: Block[], index: LineIndex, ctx: TaskContext): Task[] {
  const heads = blocks.map((b) => (b.row ? undefined : classify(b)));
  const drafts = new Map<number, Draft>();
  const owner = new Map<number, number>();
  let dutySection = false;

  const anchorOf = (i: number, found: Found): number => {
    if (anchorHead(heads[i]) && !found.labelBlock) return i;
    for (let j = i - 1; j >= 0 && j >= i - LOOK_BACK; j--) {
      if (blocks[j].row) break;
      const o = owner.get(j);
      if (o !== undefined) return found.labelBlock && drafts.get(o)!.labelChain ? o : i;
      if (anchorHead(heads[j])) return j;
    }
    return i;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.row) continue;
    const h = heads[i];
    if (h && TOP_KINDS.has(h.kind)) dutySection = DUTY_HEADING.test(h.title);
    let found = assignmentOf(b.text);
    let title: string | undefined;
    if (!found) {
      const next = blocks[i + 1] && !blocks[i + 1].row ? blocks[i + 1].text : '';
      const duty = dutyOf(afterOrdinal(b.text, h), h?.title, dutySection && !(h && TOP_KINDS.has(h.kind)), next);
      if (!duty) continue;
      found = duty.found;
      title = duty.title || undefined;
      drafts.set(i, { block: i, found, labelChain: false, title, texts: [b.text] });
      owner.set(i, i);
      continue;
    }
    const anchor = anchorOf(i, found);
    const text = without(b.text, found.spans);
    const d = drafts.get(anchor);
    if (d) {
      for (const k of ['lead', 'units', 'support'] as const) for (const u of found[k]) if (!d.found[k].includes(u)) d.found[k].push(u);
      d.found.deadline ??= found.deadline;
      d.texts.push(text);
    } else {
      const texts = anchor === i ? [text] : [blocks[anchor].text, text];
      drafts.set(anchor, { block: anchor, found: { ...found, spans: anchor === i ? found.spans : [] }, labelChain: found.labelBlock, texts });
    }
    owner.set(i, anchor);
  }

  const tasks: Task[] = [...drafts.values()].map((d) => toTask(d, blocks, heads, index, ctx));
  tasks.push(...tableTasks(blocks, index, ctx));
  return tasks.sort((a, b) => a.line - b.line);
}

function toTask(d: Draft, blocks: Block[], heads: Array<Heading | undefined>, index: LineIndex, ctx: TaskContext): Task {
  const b = blocks[d.block];
  const h = heads[d.block];
  const first = Math.max(0, b.text.search(/\S/));
  const task: Task = { line: index.lineOf(b.mapped.origin(first)), title: d.title ?? titleOf(blocks, heads, d.block, d.found.spans) };
  if (h?.ordinal && ORDINAL_KINDS.has(h.kind)) task.ordinal = h.ordinal;
  const seen = new Set<string>();
  const once = (l: string[]) => l.filter((u) => !seen.has(u) && !!seen.add(u));
  const lead = once(d.found.lead);
  const units = once(d.found.units);
  const support = once(d.found.support);
  if (lead.length) task.lead = lead;
  task.units = units;
  if (support.length) task.support = support;
  const deadline = deadlineOf(d, ctx);
  if (deadline) task.deadline = deadline;
  return task;
}

function titleOf(blocks: Block[], heads: Array<Heading | undefined>, i: number, spans: Array<[number, number]>): string {
  const h = heads[i];
  if (h && (h.kind === 'lead' || !ORDINAL_KINDS.has(h.kind) || h.kind === 'chapter' || h.kind === 'section') && !SUBPOINT.test(h.title))
    return h.title.replace(/[。：:]$/, '');
  let rest = afterOrdinal(without(blocks[i].text, spans), h);
  // a heading whose last characters were broken off into the next paragraph: "（六）…稳定就" + "业。入企…"
  const next = blocks[i + 1];
  if (h?.ordinal && !/[。！？：；，]$/.test(rest) && next && !next.row && !heads[i + 1]) {
    const m = /^([^，。；：（]{1,6})。/.exec(next.text);
    if (m) rest += m[1] + '。';
  }
  return titleText(rest);
}

/** A task's title: its run-in head (a short first sentence followed by more), else its first clause. */
export function titleText(rest: string): string {
  const sentence = /^(.{2,60}?)[。！？]/.exec(rest);
  const whole = !sentence || !rest.slice(sentence[0].length).trim();
  if (sentence && !/；/.test(sentence[1]) && sentence[1].length <= (whole ? 30 : 40)) return sentence[1];
  const clause = /^(.{2,60}?)[，；：。！？]/.exec(rest);
  return (clause ? clause[1] : rest.slice(0, 60)).trim();
}

/** The deadline a task states: labelled or in its units' parentheses, else the one dated deadline of its text. */
function deadlineOf(d: Draft, ctx: TaskContext): Deadline | undefined {
  if (d.found.deadline) return parseDeadline(d.found.deadline, ctx) ?? { text: d.found.deadline };
  const found = findDeadlines(d.texts.join(''), ctx).filter((x) => /(?:前|底|末|内)$|^长期/.test(x.text));
  return new Set(found.map((x) => x.date ?? x.rule ?? x.text)).size === 1 ? found[0] : undefined;
}
