// GET /issues — conflicts, name drift and breaks of basis found in the documents; POST /issues/:id/settle —
// a planner or administrator chooses the authoritative statement of a conflict (audited).
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../auth.js';
import { issuesPage, type IssueView } from '../../../web/pages/issues.js';
import { SettleError, settleConflict, statementsOf } from '../../../monitor/settle.js';
import { targetText } from '../../../monitor/evaluate.js';
import { fail, fields } from '../workflow/respond.js';
import { notFound, sendPage } from './util.js';

const SETTLERS = ['planner', 'admin'] as const;

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/issues', { preHandler: requireRole('planner', 'admin', 'leader', 'supervisor') }, async (req, reply) => {
    const rows = await app.store.selectFrom('issues').selectAll().orderBy('status').orderBy('kind').orderBy('indicator_id').limit(500).execute();
    const list: IssueView[] = [];
    for (const issue of rows) {
      const statements = issue.subject ? (await statementsOf(app.store, issue.id)).statements.map((s) => ({ place: s.place, text: targetText(s.target), chosen: s.target.source_id === issue.choice })) : [];
      list.push({ issue, statements });
    }
    const may = (SETTLERS as readonly string[]).includes(req.viewer!.role);
    return sendPage(reply, '待核定事项', issuesPage(list, reply.ctx().csrf ?? '', may));
  });

  app.post('/issues/:id/settle', { preHandler: requireRole(...SETTLERS) }, async (req, reply) => {
    const id = (req.params as { id: string }).id.slice(0, 64);
    const choose = (fields(req).choose ?? '').slice(0, 300);
    if (!choose) return fail(reply, 400, '请选择以哪一处表述为准');
    if (!(await app.store.selectFrom('issues').select('id').where('id', '=', id).executeTakeFirst())) return notFound(reply, '待核定事项');
    try {
      await settleConflict(app.store, id, choose, req.viewer!);
    } catch (e) {
      if (e instanceof SettleError) return fail(reply, 400, e.message);
      throw e;
    }
    return reply.redirect(`/issues#issue-${encodeURIComponent(id)}`, 303);
  });
}
