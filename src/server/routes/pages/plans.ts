// GET /plans/:documentId: the plan at a glance (statuses of its targets, each chapter's progress) and
// its outline with the indicators, tasks (with their latest approved progress) and projects of each
// section. Every query is keyed by the document.
import type { FastifyInstance } from 'fastify';
import type { DocumentRecord } from '../../../model/records.js';
import { statusRows } from '../../../monitor/statuses.js';
import { t } from '../../../web/i18n.js';
import { docName } from '../../../web/pages/glance-parts.js';
import { planPage } from '../../../web/pages/plans.js';
import { keptPage, loggedIn } from './util.js';

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/plans/:documentId', loggedIn, keptPage(async (req) => {
    const id = (req.params as { documentId: string }).documentId;
    const doc = await store.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!doc) return { missing: '该规划' };
    const record = JSON.parse(doc.record) as Partial<DocumentRecord>;
    const [statuses, tasks, units, followed, progress] = await Promise.all([
      statusRows(store, { document: id }),
      store.selectFrom('tasks').selectAll().where('document_id', '=', id).orderBy('seq').execute(),
      store.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(['task_units.task_id', 'task_units.unit', 'task_units.role']).where('tasks.document_id', '=', id).orderBy('task_units.task_id').orderBy('task_units.seq').execute(),
      store.selectFrom('project_mentions').innerJoin('projects', 'projects.id', 'project_mentions.project_id').select(['project_mentions.line', 'projects.id', 'projects.core', 'projects.stage_words', 'projects.stage_year']).where('project_mentions.document_id', '=', id).execute(),
      store
        .selectFrom('updates')
        .innerJoin('tasks', 'tasks.id', 'updates.subject_id')
        .select(['updates.subject_id', 'updates.progress'])
        .where('tasks.document_id', '=', id)
        .where('updates.subject_kind', '=', 'task')
        .where('updates.status', '=', 'approved')
        .where('updates.progress', 'is not', null)
        .orderBy('updates.submitted_at')
        .execute(),
    ]);
    const latest = new Map(progress.map((p) => [p.subject_id, p.progress]));
    const unitsOf = new Map<string, string[]>();
    for (const u of units) unitsOf.set(u.task_id, [...(unitsOf.get(u.task_id) ?? []), `${u.unit}${u.role === 'lead' ? '（牵头）' : u.role === 'support' ? '（配合）' : ''}`]);
    const name = docName(doc);
    const lang = req.lang;
    return { title: lang === 'en' ? t('规划提纲', lang) : `提纲：${name}`, body: planPage({
        lang,
        doc: { id: doc.id, name },
        sections: record.sections ?? [],
        targets: statuses.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0)),
        tasks: tasks.map((x) => ({ line: x.line, title: x.title, deadline: x.deadline_text, units: (unitsOf.get(x.id) ?? []).join('、'), progress: latest.get(x.id) ?? null })),
        projects: record.projects ?? [],
        followed,
      }) };
  }));
}
