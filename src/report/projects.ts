// The 重大工程 part of a report: the projects (src/monitor/projects) named in the region's documents
// of the years the report takes in, each with its scale, the stage reached (as the documents word it)
// and the document and line that say so.
import type { Store } from '../store/db.js';
import type { Citer } from './cite.js';
import type { PlanInfo, Window } from './scope.js';

export interface ProjectRow {
  name: string;
  kind: string;
  capacity: string | null;
  /** 全面施工（2024年）, or 规划建设 for a project only planned. */
  progress: string;
  /** Whether a document reports work done (not only planned). */
  reported: boolean;
  cite: string;
}

const STAGE: Record<string, string> = { 前期工作: '开展前期工作', 核准: '取得核准', 开工: '开工建设', 建设: '加快建设', 投产: '建成投产', 竣工: '建成' };

export async function projectRows(store: Store, plan: PlanInfo, w: Window, cite: Citer): Promise<ProjectRow[]> {
  const docs = new Map((await store.selectFrom('documents').select(['id', 'region', 'date']).execute()).map((d) => [d.id, d]));
  const mentions = await store.selectFrom('project_mentions').selectAll().orderBy('project_id').orderBy('seq').execute();
  const inScope = mentions.filter((m) => {
    const d = docs.get(m.document_id);
    if (!d || d.region !== plan.region) return false;
    if (m.document_id === plan.id) return true;
    const y = m.year ?? (d.date ? Number(d.date.slice(0, 4)) : null);
    return y !== null && y <= w.to && (m.year_end ?? y) >= w.from;
  });
  const by = new Map<string, typeof inScope>();
  for (const m of inScope) by.set(m.project_id, [...(by.get(m.project_id) ?? []), m]);
  const projects = await store.selectFrom('projects').selectAll().orderBy('mentions', 'desc').orderBy('core').execute();
  const out: ProjectRow[] = [];
  for (const p of projects) {
    const ms = by.get(p.id);
    if (!ms) continue;
    const actual = ms.filter((m) => m.modality === 'actual' && (m.year ?? 0) <= w.to);
    const last = (actual.length ? actual : ms).at(-1)!;
    const words = last.stage_words ?? (last.stage ? STAGE[last.stage] ?? last.stage : null);
    const when = last.year ? `${last.year}年` : '';
    const progress = actual.length ? `${words ?? '已列入报告'}${when ? `（${when}）` : ''}` : `计划${words ?? '实施'}${when ? `（${last.year_end && last.year_end !== last.year ? `${last.year}—${last.year_end}年` : when}）` : ''}`;
    out.push({ name: last.name, kind: p.kind, capacity: last.capacity ?? p.capacity, progress, reported: actual.length > 0, cite: cite.line('', last.line, last.document_id) });
  }
  return out.sort((a, b) => Number(b.reported) - Number(a.reported));
}
