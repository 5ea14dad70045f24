// GET /documents (the list) and GET /documents/:id (the viewer: original lines with the extracted
// facts, tasks and table rows marked on their spans, and the document's messages).
import type { FastifyInstance } from 'fastify';
import type { Message } from '../../../model/records.js';
import type { Store } from '../../../store/db.js';
import { documentList, documentPage, type Mark } from '../../../web/pages/documents.js';
import { keptPage, loggedIn, sendPage } from './util.js';

const MODALITY: Record<string, string> = { target: '目标', actual: '实际' };

const countBy = async (store: Store, table: 'facts' | 'tasks') =>
  new Map(
    (await store.selectFrom(table).select('document_id').select((e) => e.fn.countAll().as('n')).groupBy('document_id').execute()).map((r) => [r.document_id, Number(r.n)]),
  );

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/documents', loggedIn, async (req, reply) => {
    const [docs, facts, tasks] = await Promise.all([
      store.selectFrom('documents').select(['id', 'title', 'type', 'doc_number', 'issuer', 'date', 'region', 'file', 'line_first']).orderBy('file').orderBy('seq').execute(),
      countBy(store, 'facts'),
      countBy(store, 'tasks'),
    ]);
    return sendPage(reply, '文件', documentList(docs.map((d) => ({ ...d, facts: facts.get(d.id) ?? 0, tasks: tasks.get(d.id) ?? 0 })), req.lang));
  });

  app.get('/documents/:id', loggedIn, keptPage(async (req) => {
    const id = (req.params as { id: string }).id;
    const doc = await store.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!doc) return { missing: '该文件' };
    const [src, facts, tasks, units, rows] = await Promise.all([
      store.selectFrom('sources').select('text').where('content_hash', '=', doc.content_hash).executeTakeFirst(),
      store.selectFrom('facts').selectAll().where('document_id', '=', id).orderBy('seq').execute(),
      store.selectFrom('tasks').selectAll().where('document_id', '=', id).orderBy('seq').execute(),
      store.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(['task_units.task_id', 'task_units.unit', 'task_units.role']).where('tasks.document_id', '=', id).orderBy('task_units.task_id').orderBy('task_units.seq').execute(),
      store.selectFrom('table_rows').selectAll().where('document_id', '=', id).execute(),
    ]);
    const all = (src?.text ?? '').split('\n');
    const lines: Array<{ n: number; text: string; offset: number }> = [];
    let offset = 0;
    for (let n = 1; n <= Math.min(doc.line_last, all.length); n++) {
      if (n >= doc.line_first) lines.push({ n, text: all[n - 1].replace(/\r$/, ''), offset });
      offset += all[n - 1].length + 1;
    }
    const span = (r: { span_start: number | null; span_end: number | null }) =>
      r.span_start !== null && r.span_end !== null ? { span: [r.span_start, r.span_end] as [number, number] } : {};
    const marks: Mark[] = [
      ...facts.map((f) => ({
        line: f.line,
        ...span(f),
        text: f.quote,
        title: `${f.metric} ${f.comparator === 'approx' ? '约' : ''}${f.value}${f.upper !== null ? `–${f.upper}` : ''}${f.unit}（${MODALITY[f.modality] ?? f.modality}${f.year ? `，${f.year}年` : ''}）`,
      })),
      ...tasks.map((t) => {
        const us = units.filter((u) => u.task_id === t.id);
        const who = us.map((u) => `${u.unit}${u.role === 'lead' ? '（牵头）' : u.role === 'support' ? '（配合）' : ''}`).join('、');
        return { line: t.line, ...span(t), text: t.title, title: `任务：${t.title} 责任单位：${who || '未明确'}${t.deadline_text ? ` 时限：${t.deadline_text}` : ''}` };
      }),
      ...rows.map((r) => ({ line: r.line, ...span(r), text: r.name, title: `${r.table_label} 指标：${r.name}${r.unit ? `（${r.unit}）` : ''}${r.attribute ? ` ${r.attribute}` : ''}` })),
    ];
    const messages = (JSON.parse(doc.record) as { messages?: Message[] }).messages ?? [];
    return { title: { subject: doc.title }, body: documentPage({ doc, lines, marks, messages, counts: { facts: facts.length, tasks: tasks.length, rows: rows.length } }, req.lang) };
  }));
}
