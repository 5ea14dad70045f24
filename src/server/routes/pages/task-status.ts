// Where each task stands: its approved progress updates judged against the time elapsed between the
// document's date and the deadline (序时进度), overdue when the deadline has passed without any
// approved update.
import type { StatusKind } from '../../../model/records.js';
import { assessTask } from '../../../monitor/status/index.js';
import type { Store } from '../../../store/db.js';

export interface TaskStatus {
  id: string;
  documentId: string;
  line: number;
  title: string;
  deadline: string | null;
  units: string[];
  status: StatusKind;
  reason: string;
  /** The deadline has passed and no update was approved. */
  overdue: boolean;
  /** Approved progress behind the time elapsed (at risk or off track). */
  lagging: boolean;
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const list = out.get(key(x));
    if (list) list.push(x);
    else out.set(key(x), [x]);
  }
  return out;
}

export async function taskStatuses(store: Store, asOf: string): Promise<TaskStatus[]> {
  const [tasks, units, docs, updates] = await Promise.all([
    store.selectFrom('tasks').select(['id', 'document_id', 'line', 'title', 'deadline_date']).orderBy('document_id').orderBy('seq').execute(),
    store.selectFrom('task_units').select(['task_id', 'unit']).orderBy('task_id').orderBy('seq').execute(),
    store.selectFrom('documents').select(['id', 'date']).execute(),
    store
      .selectFrom('updates')
      .select(['subject_id', 'progress', 'submitted_at'])
      .where('subject_kind', '=', 'task')
      .where('status', '=', 'approved')
      .orderBy('submitted_at')
      .execute(),
  ]);
  const dates = new Map(docs.map((d) => [d.id, d.date]));
  // grouped by task once: a filter per task made the overview quadratic in the number of tasks
  const updatesOf = groupBy(updates, (u) => u.subject_id);
  const unitsOf = groupBy(units, (u) => u.task_id);
  return tasks.map((t) => {
    const approved = updatesOf.get(t.id) ?? [];
    const obs = approved
      .filter((u) => u.progress !== null)
      .map((u) => ({ year: Number(u.submitted_at.slice(0, 4)), value: u.progress!, date: u.submitted_at.slice(0, 10) }));
    const deadline = t.deadline_date;
    let status: StatusKind;
    let reason: string;
    if (deadline) {
      const start = dates.get(t.document_id) ?? `${deadline.slice(0, 4)}-01-01`;
      const a = assessTask({ kind: 'task', name: t.title, unit: '%', direction: 'higher', start: start < deadline ? start : deadline, deadline }, obs, { asOf });
      status = a.status;
      reason = a.reason;
    } else if (obs.length) {
      const last = obs[obs.length - 1];
      status = last.value >= 100 ? 'achieved' : 'not_assessable';
      reason = last.value >= 100 ? `${last.date} 完成 100%` : `截至 ${last.date} 完成 ${last.value}%，未设截止日期，无法计算序时进度`;
    } else {
      status = 'no_data';
      reason = approved.length ? '已有进度报告，未填写完成百分比' : '尚无进度报告';
    }
    return {
      id: t.id,
      documentId: t.document_id,
      line: t.line,
      title: t.title,
      deadline,
      units: [...new Set((unitsOf.get(t.id) ?? []).map((u) => u.unit))],
      status,
      reason,
      overdue: !!deadline && deadline < asOf && approved.length === 0,
      lagging: obs.length > 0 && (status === 'at_risk' || status === 'off_track'),
    };
  });
}
