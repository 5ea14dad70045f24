// What extraction could not do, as messages with a place: a number followed by a unit the catalogue
// does not know (vocab/units.json), a fact whose metric was not found, a task whose units were not
// recognised, a 专栏 item not read as a project.
// Numbers of ordinals and captions (第3, 表1, 附件2, 专栏4) and years are not measures and are let be.
import type { DocumentRecord, Fact, Message, Project, Task } from '../model/records.js';
import type { Block, LineIndex } from '../repair/index.js';
import { pointAt } from '../repair/index.js';
import { flatten } from '../structure/outline.js';
import { vocab } from '../vocab/load.js';
import { unitAt } from './units.js';

const NUMBER = /(?<![\d.A-Za-z第表图件栏+＋×*\-－–—~～])\d+(?:\.\d+)?(?![\d.A-Za-z%％])/g;
const IDEOGRAPH = /^[\u4e00-\u9fff]$/;
let notUnits: string[] | undefined;
const notUnit = () => (notUnits ??= [...vocab<{ after: string[] }>('not-units').after].sort((a, b) => b.length - a.length));

/** Arabic numbers followed by an ideograph that is neither a known unit nor a known non-unit word. */
export function unknownUnits(file: string, blocks: Block[], index: LineIndex): Message[] {
  const out: Message[] = [];
  for (const b of blocks) {
    if (b.row) continue;
    for (const m of b.text.matchAll(NUMBER)) {
      const end = m.index! + m[0].length;
      if (!IDEOGRAPH.test(b.text[end] ?? '') || /^(?:19|20)\d\d$/.test(m[0])) continue; // 2025世界…大会
      const after = b.text.slice(end, end + 4);
      if (notUnit().some((w) => after.startsWith(w)) || unitAt(b.text, end) || (/^[余多]/.test(after) && unitAt(b.text, end + 1))) continue;
      const p = pointAt(index, b.mapped.origin(m.index!));
      const text = `unknown unit after ${m[0]}: "${m[0]}${/^[\u4e00-\u9fff]{1,2}/.exec(after)![0]}" is not read as a fact (未识别的单位)`;
      out.push({ rule: 'unit-unknown', severity: 'warning', text, file, line: p.line, column: p.column });
    }
  }
  return out;
}

/** Facts whose metric could not be found. */
export function factMessages(file: string, facts: Fact[]): Message[] {
  return facts
    .filter((f) => !f.metric)
    .map((f) => ({
      rule: 'fact-metric',
      severity: 'warning' as const,
      text: `no metric found for ${f.value}${f.unit} (未识别指标名称)`,
      file,
      line: f.span?.start.line ?? f.line,
      ...(f.span ? { column: f.span.start.column } : {}),
    }));
}

/** Assigned tasks (their units' label was found) whose units were not recognised as departments. */
export function taskMessages(file: string, tasks: Task[]): Message[] {
  return tasks
    .filter((t) => t.kind !== 'key' && !t.lead?.length && !t.units?.length)
    .map((t) => ({
      rule: 'task-units',
      severity: 'warning' as const,
      text: `no responsible unit recognised for the task "${t.title.slice(0, 20)}" (未识别责任单位)`,
      file,
      line: t.span?.start.line ?? t.line,
      ...(t.span ? { column: t.span.start.column } : {}),
    }));
}

/** Numbered items of 专栏 boxes that were not read as a project group ("名称：内容" expected). */
export function projectMessages(record: DocumentRecord, projects: Project[]): Message[] {
  const read = new Set(projects.map((p) => p.line));
  return flatten(record.sections)
    .filter((s) => s.kind === 'box')
    .flatMap((box) => box.children.filter((c) => c.kind === 'item' && !read.has(c.lines[0])))
    .map((item) => ({
      rule: 'project-unread',
      severity: 'info' as const,
      text: `box item "${item.title.slice(0, 20)}" not read as a project group: no "name: content" (专栏条目未识别为项目)`,
      file: record.file,
      line: item.lines[0],
    }));
}
