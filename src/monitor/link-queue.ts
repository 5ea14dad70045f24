// The links a person should look at (the 核定 page's queue): figures linked to an indicator only by a
// partial name match, and stated targets and figures linked to none (followed, if at all, under their
// own wording). Each with its quote and place, for a planner to link it by hand (manual.ts setLink).
import type { Store } from '../store/db.js';

export interface QueueItem {
  subjectId: string;
  kind: 'fact' | 'row';
  name: string;
  unit: string;
  quote: string;
  documentId: string;
  documentTitle: string;
  line: number;
  /** The automatic link, when there is one (partial match), and its confidence. */
  indicatorId?: string;
  confidence?: number;
}

export const QUEUE_PAGE = 30;

/** One page of the queue (partial links first, then unlinked figures, each in document order) and the total. */
export async function linkQueue(store: Store, page: number): Promise<{ items: QueueItem[]; total: number }> {
  const titles = new Map((await store.selectFrom('documents').select(['id', 'title']).execute()).map((d) => [d.id, d.title]));
  const links = await store.selectFrom('links').select(['subject_id', 'indicator_id', 'confidence', 'manual']).execute();
  const linked = new Map(links.map((l) => [l.subject_id, l]));
  const partial = links.filter((l) => !l.manual && l.confidence < 1).map((l) => l.subject_id);
  const facts = await store.selectFrom('facts').select(['id', 'document_id', 'line', 'metric', 'unit', 'quote', 'year', 'seq']).where('year', 'is not', null).where('modality', 'in', ['target', 'actual']).orderBy('document_id').orderBy('seq').execute();
  const rows = await store.selectFrom('table_rows').select(['id', 'document_id', 'line', 'name', 'unit']).orderBy('document_id').orderBy('line').execute();
  const all: QueueItem[] = [
    ...facts.map((f) => ({ subjectId: f.id, kind: 'fact' as const, name: f.metric, unit: f.unit, quote: f.quote, documentId: f.document_id, documentTitle: titles.get(f.document_id) ?? '', line: f.line })),
    ...rows.map((r) => ({ subjectId: r.id, kind: 'row' as const, name: r.name, unit: r.unit, quote: r.name, documentId: r.document_id, documentTitle: titles.get(r.document_id) ?? '', line: r.line })),
  ];
  const partialSet = new Set(partial);
  const queue = [
    ...all.filter((i) => partialSet.has(i.subjectId)).map((i) => ({ ...i, indicatorId: linked.get(i.subjectId)!.indicator_id, confidence: linked.get(i.subjectId)!.confidence })),
    ...all.filter((i) => !linked.has(i.subjectId)),
  ];
  return { items: queue.slice((page - 1) * QUEUE_PAGE, page * QUEUE_PAGE), total: queue.length };
}
