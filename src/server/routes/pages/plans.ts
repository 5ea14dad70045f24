// GET /plans/:documentId: the plan's outline with the indicators, tasks and projects of each section.
import type { FastifyInstance } from 'fastify';
import type { DocumentRecord } from '../../../model/records.js';
import { statusRows } from '../../../monitor/statuses.js';
import { planPage } from '../../../web/pages/plans.js';
import { loggedIn, notFound, sendPage } from './util.js';

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/plans/:documentId', loggedIn, async (req, reply) => {
    const id = (req.params as { documentId: string }).documentId;
    const doc = await store.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!doc) return notFound(reply, '该规划');
    const record = JSON.parse(doc.record) as Partial<DocumentRecord>;
    const [statuses, tasks, units, followed] = await Promise.all([
      statusRows(store, { document: id }),
      store.selectFrom('tasks').selectAll().where('document_id', '=', id).orderBy('seq').execute(),
      store.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select(['task_units.task_id', 'task_units.unit', 'task_units.role']).where('tasks.document_id', '=', id).orderBy('task_units.task_id').orderBy('task_units.seq').execute(),
      store.selectFrom('project_mentions').innerJoin('projects', 'projects.id', 'project_mentions.project_id').select(['project_mentions.line', 'projects.id', 'projects.core']).where('project_mentions.document_id', '=', id).execute(),
    ]);
    return sendPage(
      reply,
      `提纲：${doc.title}`,
      planPage({
        doc,
        sections: record.sections ?? [],
        targets: statuses.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0)),
        tasks: tasks.map((t) => ({
          line: t.line,
          title: t.title,
          deadline: t.deadline_text,
          units: units
            .filter((u) => u.task_id === t.id)
            .map((u) => `${u.unit}${u.role === 'lead' ? '（牵头）' : u.role === 'support' ? '（配合）' : ''}`)
            .join('、'),
        })),
        projects: record.projects ?? [],
        followed,
      }),
    );
  });
}
