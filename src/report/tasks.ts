// The task part of a report: the plan's tasks and those of the region's documents dated in the years
// the report takes in, by responsible unit, with how many have an approved progress update, the latest
// update's text, and the tasks past their deadline without one. Departments' updates on targets give
// the reasons of lagging indicators.
import type { Store } from '../store/db.js';
import type { UpdatesTable } from '../store/schema.js';
import { periodYear, type PlanInfo, type Window } from './scope.js';
import type { Source } from './indicators.js';

export const NO_UNIT = '（未明确责任单位）';

export interface TaskInfo {
  id: string;
  title: string;
  documentTitle: string;
  /** The plan chapter holding the task, else the document it comes from. */
  chapter: string;
  source: Source;
  deadline: string | null;
  units: string[];
  approved: boolean;
  latest: UpdatesTable | undefined;
}

export interface DepartmentRow {
  unit: string;
  tasks: number;
  approved: number;
  /** approved ÷ tasks, 0–1. */
  rate: number;
  latest: { text: string; task: string; status: string; period: string } | null;
}

export interface ChapterRow {
  chapter: string;
  tasks: number;
  approved: number;
  overdue: number;
}

type Section = { kind?: string; title: string; lines?: [number, number] };

/** The chapter (top-level section) of a document holding a line. */
function chapterAt(sections: Section[], line: number): string | undefined {
  return sections.find((x) => x.lines && line >= x.lines[0] && line <= x.lines[1])?.title;
}

/** Tasks by plan chapter (then by other document), in the order they come. */
export function chapterProgress(tasks: TaskInfo[], asOf: string): ChapterRow[] {
  const by = new Map<string, TaskInfo[]>();
  for (const t of tasks) by.set(t.chapter, [...(by.get(t.chapter) ?? []), t]);
  return [...by].map(([chapter, ts]) => ({ chapter, tasks: ts.length, approved: ts.filter((t) => t.approved).length, overdue: overdue(ts, asOf).length }));
}

export interface Said {
  unit: string;
  period: string;
  status: string; // submitted / approved
  text: string;
}

/** Updates of the window's years, not returned, newest first. */
export async function updatesIn(store: Store, w: Window): Promise<UpdatesTable[]> {
  const all = await store.selectFrom('updates').selectAll().where('status', 'in', ['submitted', 'approved']).orderBy('submitted_at', 'desc').orderBy('id').execute();
  return all.filter((u) => periodYear(u.period) >= w.from && periodYear(u.period) <= w.to);
}

export async function taskProgress(store: Store, plan: PlanInfo, w: Window, all: UpdatesTable[]): Promise<{ tasks: TaskInfo[]; departments: DepartmentRow[]; documents: string[] }> {
  const docs = await store.selectFrom('documents').select(['id', 'title', 'file', 'date', 'record']).where('region', '=', plan.region).orderBy('file').orderBy('seq').execute();
  const inScope = docs.filter((d) => d.id === plan.id || (d.date !== null && Number(d.date.slice(0, 4)) >= w.from && Number(d.date.slice(0, 4)) <= w.to));
  const byId = new Map(inScope.map((d) => [d.id, d]));
  const rows = (await store.selectFrom('tasks').selectAll().orderBy('document_id').orderBy('seq').execute()).filter((t) => byId.has(t.document_id));
  const ids = new Set(rows.map((t) => t.id));
  const roles = new Map<string, Array<{ unit: string; role: string }>>();
  for (const r of await store.selectFrom('task_units').selectAll().orderBy('task_id').orderBy('seq').execute()) if (ids.has(r.task_id)) roles.set(r.task_id, [...(roles.get(r.task_id) ?? []), r]);
  const updates = all.filter((u) => u.subject_kind === 'task' && ids.has(u.subject_id));
  const sections = new Map(inScope.map((d) => [d.id, ((JSON.parse(d.record) as { sections?: Section[] }).sections ?? [])]));
  const tasks: TaskInfo[] = rows.map((t) => {
    const rs = roles.get(t.id) ?? [];
    const main = rs.filter((r) => r.role !== 'support');
    const units = [...new Set((main.length ? main : rs).map((r) => r.unit))];
    const mine = updates.filter((u) => u.subject_id === t.id);
    const d = byId.get(t.document_id)!;
    return {
      id: t.id,
      title: t.title,
      documentTitle: d.title,
      chapter: (d.id === plan.id ? chapterAt(sections.get(d.id) ?? [], t.line) : undefined) ?? `《${d.title}》`,
      source: { file: d.file, line: t.line, documentId: d.id },
      deadline: t.deadline_date,
      units,
      approved: mine.some((u) => u.status === 'approved'),
      latest: mine[0],
    };
  });
  const by = new Map<string, TaskInfo[]>();
  for (const t of tasks) for (const u of t.units.length ? t.units : [NO_UNIT]) by.set(u, [...(by.get(u) ?? []), t]);
  const departments = [...by.entries()].map(([unit, ts]): DepartmentRow => {
    const approved = ts.filter((t) => t.approved).length;
    const last = ts.filter((t) => t.latest).sort((a, b) => b.latest!.submitted_at.localeCompare(a.latest!.submitted_at))[0];
    return {
      unit,
      tasks: ts.length,
      approved,
      rate: ts.length ? approved / ts.length : 0,
      latest: last ? { text: last.latest!.text, task: last.title, status: last.latest!.status, period: last.latest!.period } : null,
    };
  });
  departments.sort((a, b) => Number(a.unit === NO_UNIT) - Number(b.unit === NO_UNIT) || b.tasks - a.tasks || a.unit.localeCompare(b.unit, 'zh'));
  return { tasks, departments, documents: inScope.filter((d) => tasks.some((t) => t.source.documentId === d.id)).map((d) => d.title) };
}

/** Tasks past their deadline on the judgement date without an approved update. */
export const overdue = (tasks: TaskInfo[], asOf: string): TaskInfo[] => tasks.filter((t) => !t.approved && t.deadline !== null && t.deadline < asOf);

const said = (u: UpdatesTable): Said => ({ unit: u.unit, period: u.period, status: u.status, text: u.text });

/** What departments said in their updates (of the window) on these targets or this task, newest first. */
export function reasonsOf(updates: UpdatesTable[], kind: 'task' | 'target', ids: string[]): Said[] {
  const set = new Set(ids);
  return updates.filter((u) => u.subject_kind === kind && set.has(u.subject_id) && u.text.trim()).map(said);
}
