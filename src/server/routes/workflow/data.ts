// What the workflow pages read from the store: tasks with their units and latest updates, targets with
// the units they belong to (see `targetUnits`), updates and notices. The whole set is read at once —
// a city's task lists are hundreds of rows, not millions.
import type { Store } from '../../../store/db.js';
import type { NoticesTable, TargetsTable, UpdatesTable } from '../../../store/schema.js';
import { targetText } from '../../../monitor/evaluate.js';
import { reminders, targetUnits, type Reminder, type TaskLine, type WfTask } from '../../../monitor/workflow.js';
import type { Viewer } from '../../../web/layout.js';
import { assignedUnits, withAssigned } from '../../../monitor/assign.js';

export interface TaskItem extends WfTask {
  kind: 'task';
  ordinal: string | null;
  documentId: string;
  documentTitle: string;
  deadlineText: string | null;
  line: number;
  roles: Array<{ unit: string; role: string }>;
}

export interface TargetItem {
  kind: 'target';
  id: string;
  title: string; // 指标名 年份 目标
  indicatorId: string;
  region: string;
  year: number;
  measure: string;
  documentId: string | null;
  documentTitle: string;
  line: number | null;
  units: string[];
}

export type Subject = TaskItem | TargetItem;

export interface WorkflowData {
  tasks: TaskItem[];
  targets: TargetItem[];
  updates: UpdatesTable[];
  notices: NoticesTable[];
}

/** The tasks of one document, or of all; `deadlined`: only those with a deadline (what reminders are about). */
async function tasksOf(store: Store, documentId?: string, deadlined = false): Promise<TaskItem[]> {
  let q = store.selectFrom('tasks').innerJoin('documents', 'documents.id', 'tasks.document_id').select(['tasks.id', 'tasks.title', 'tasks.ordinal', 'tasks.document_id', 'tasks.line', 'tasks.deadline_date', 'tasks.deadline_text', 'documents.title as doc']);
  if (documentId) q = q.where('tasks.document_id', '=', documentId);
  if (deadlined) q = q.where('tasks.deadline_date', 'is not', null);
  const rows = await q.orderBy('tasks.document_id').orderBy('tasks.seq').execute();
  let uq = store.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(['task_units.task_id', 'task_units.unit', 'task_units.role']).orderBy('task_units.task_id').orderBy('task_units.seq');
  if (documentId) uq = uq.where('tasks.document_id', '=', documentId);
  const roles = new Map<string, Array<{ unit: string; role: string }>>();
  for (const r of await uq.execute()) roles.set(r.task_id, [...(roles.get(r.task_id) ?? []), { unit: r.unit, role: r.role }]);
  const approved = new Set((await store.selectFrom('updates').select('subject_id').where('subject_kind', '=', 'task').where('status', '=', 'approved').execute()).map((u) => u.subject_id));
  return rows.map((t) => {
    const rs = roles.get(t.id) ?? [];
    return { kind: 'task', id: t.id, title: t.title, ordinal: t.ordinal, documentId: t.document_id, documentTitle: t.doc, line: t.line, deadline: t.deadline_date, deadlineText: t.deadline_text, roles: rs, units: [...new Set(rs.map((r) => r.unit))], approved: approved.has(t.id) };
  });
}

const lines = (tasks: TaskItem[]): TaskLine[] => tasks.map((t) => ({ documentId: t.documentId, line: t.line, units: t.units }));

function targetItem(t: TargetsTable, name: string, docTitle: string, taskLines: TaskLine[], assigned: Map<string, string[]>): TargetItem {
  return { kind: 'target', id: t.id, title: `${name} ${t.year}年 ${targetText(t)}`, indicatorId: t.indicator_id, region: t.region, year: t.year, measure: t.measure, documentId: t.document_id, documentTitle: docTitle, line: t.line, units: withAssigned(targetUnits({ documentId: t.document_id, line: t.line }, taskLines), assigned.get(t.id)) };
}

export async function loadWorkflow(store: Store): Promise<WorkflowData> {
  const tasks = await tasksOf(store);
  const names = new Map((await store.selectFrom('indicators').select(['id', 'name']).execute()).map((i) => [i.id, i.name]));
  const docs = new Map((await store.selectFrom('documents').select(['id', 'title']).execute()).map((d) => [d.id, d.title]));
  const tl = lines(tasks);
  const assigned = await assignedUnits(store);
  const targets = (await store.selectFrom('targets').selectAll().orderBy('indicator_id').orderBy('year').execute()).map((t) =>
    targetItem(t, names.get(t.indicator_id) ?? t.indicator_id, (t.document_id && docs.get(t.document_id)) || '手工录入', tl, assigned),
  );
  const updates = await store.selectFrom('updates').selectAll().orderBy('submitted_at', 'desc').execute();
  const notices = await store.selectFrom('notices').selectAll().orderBy('issued_at', 'desc').execute();
  return { tasks, targets, updates, notices };
}

/** One task or target with its units, or undefined. */
export async function loadSubject(store: Store, kind: string, id: string): Promise<Subject | undefined> {
  if (kind === 'task') {
    const doc = await store.selectFrom('tasks').select('document_id').where('id', '=', id).executeTakeFirst();
    return doc ? (await tasksOf(store, doc.document_id)).find((t) => t.id === id) : undefined;
  }
  if (kind !== 'target') return undefined;
  const t = await store.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) return undefined;
  const ind = await store.selectFrom('indicators').select('name').where('id', '=', t.indicator_id).executeTakeFirst();
  const doc = t.document_id ? await store.selectFrom('documents').select('title').where('id', '=', t.document_id).executeTakeFirst() : undefined;
  return targetItem(t, ind?.name ?? t.indicator_id, doc?.title ?? '手工录入', t.document_id ? lines(await tasksOf(store, t.document_id)) : [], await assignedUnits(store));
}

/** Every unit named by a task, with its number of tasks. */
export function unitsOf(data: WorkflowData): Array<{ unit: string; tasks: number; lead: number }> {
  const m = new Map<string, { unit: string; tasks: number; lead: number }>();
  for (const t of data.tasks)
    for (const u of t.units) {
      const e = m.get(u) ?? { unit: u, tasks: 0, lead: 0 };
      e.tasks++;
      if (t.roles.some((r) => r.unit === u && r.role === 'lead')) e.lead++;
      m.set(u, e);
    }
  return [...m.values()].sort((a, b) => b.tasks - a.tasks || a.unit.localeCompare(b.unit, 'zh'));
}

/** The title of an update's task or target. */
export function subjectTitle(data: WorkflowData, kind: string, id: string): string {
  const s = kind === 'task' ? data.tasks.find((t) => t.id === id) : data.targets.find((t) => t.id === id);
  return s?.title ?? `（已不存在的${kind === 'task' ? '任务' : '指标目标'} ${id}）`;
}

type UpdateRow = Pick<UpdatesTable, 'id' | 'subject_kind' | 'subject_id' | 'unit' | 'status' | 'comment'>;
const updateOf = (u: UpdateRow, title: string) => ({ id: u.id, subjectKind: u.subject_kind, subjectId: u.subject_id, unit: u.unit, status: u.status, comment: u.comment, title });
const noticeOf = (n: Pick<NoticesTable, 'id' | 'unit' | 'status' | 'reply_deadline' | 'text'>) => ({ id: n.id, unit: n.unit, status: n.status, replyDeadline: n.reply_deadline, text: n.text });

/** What this viewer is reminded of today. */
export function remindersOf(data: WorkflowData, viewer: Viewer, today: string): Reminder[] {
  return reminders(viewer, today, {
    tasks: data.tasks,
    updates: data.updates.map((u) => updateOf(u, subjectTitle(data, u.subject_kind, u.subject_id))),
    notices: data.notices.map(noticeOf),
  });
}

/** How many reminders this viewer has today (the page header): the same rules, reading only the tasks with a
 * deadline, the updates waiting or returned and the notices still open, not the whole workflow. */
export async function reminderCount(store: Store, viewer: Viewer, today: string): Promise<number> {
  const [tasks, updates, notices] = await Promise.all([
    viewer.role === 'planner' ? [] : tasksOf(store, undefined, true),
    store.selectFrom('updates').select(['id', 'subject_kind', 'subject_id', 'unit', 'status', 'comment']).where('status', 'in', ['submitted', 'returned']).execute(),
    store.selectFrom('notices').select(['id', 'unit', 'status', 'reply_deadline', 'text']).where('status', '=', 'issued').execute(),
  ]);
  return reminders(viewer, today, {
    tasks,
    // a count needs no titles
    updates: updates.map((u) => updateOf(u, '')),
    notices: notices.map(noticeOf),
  }).length;
}

/** Can this viewer read updates, evidence and notices of this unit? Department users: their own units. */
export const mayReadUnit = (v: Viewer, unit: string): boolean => v.role !== 'department' || v.units.includes(unit);
