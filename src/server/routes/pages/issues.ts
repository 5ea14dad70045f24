// GET /issues — conflicts, name drift and breaks of basis; the links to look at; official figures entered
// (planners, administrators, leaders, supervisors read). Planners and administrators act, each audited:
// POST /issues/:id/settle chooses the authoritative statement of a conflict, POST /issues/link links a
// figure to an indicator, POST /issues/actual enters an official figure with its source. A refused form
// shows the page again with the error at the form and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../auth.js';
import { issuesPage, type IssueView, type IssuesPageView } from '../../../web/pages/issues.js';
import { SettleError, settleConflict, statementsOf } from '../../../monitor/settle.js';
import { targetText } from '../../../monitor/evaluate.js';
import { addActuals, EntryError, setLink } from '../../../monitor/manual.js';
import { linkQueue } from '../../../monitor/link-queue.js';
import { indicators, linkName } from '../../../monitor/registry.js';
import { loadEdits } from '../../../monitor/registry-store.js';
import { actorOf, doneCode, fields } from '../admin/common.js';
import { notFound, query, sendPage } from './util.js';

const SETTLERS = ['planner', 'admin'] as const;

export async function routes(app: FastifyInstance): Promise<void> {
  const render = async (req: FastifyRequest, reply: FastifyReply, error?: IssuesPageView['error']) => {
    const rows = await app.store.selectFrom('issues').selectAll().orderBy('status').orderBy('kind').orderBy('indicator_id').limit(500).execute();
    const list: IssueView[] = [];
    for (const issue of rows) {
      const statements = issue.subject ? (await statementsOf(app.store, issue.id)).statements.map((s) => ({ place: s.place, text: targetText(s.target), chosen: s.target.source_id === issue.choice })) : [];
      list.push({ issue, statements });
    }
    const page = Math.min(Math.max(1, Math.floor(Number(query(req).page)) || 1), 10_000);
    await loadEdits(app.store);
    const names = new Map((await app.store.selectFrom('indicators').select(['id', 'name']).execute()).map((i) => [i.id, i.name]));
    const figures = await app.store.selectFrom('actuals').select(['indicator_id as indicator', 'region', 'year', 'value', 'source_note as source', 'reported']).where('source_kind', '=', 'manual').orderBy('id', 'desc').limit(20).execute();
    const regions = (await app.store.selectFrom('regions').select('name').orderBy('name').execute()).map((r) => r.name);
    const view: IssuesPageView = {
      lang: req.lang, csrf: reply.ctx().csrf ?? '', may: (SETTLERS as readonly string[]).includes(req.viewer!.role), list,
      queue: { ...(await linkQueue(app.store, page)), page }, names, registry: indicators(), regions, figures, done: doneCode(req), error,
    };
    return sendPage(error ? reply.code(400) : reply, '待核定事项', issuesPage(view));
  };

  app.get('/issues', { preHandler: requireRole('planner', 'admin', 'leader', 'supervisor') }, (req, reply) => render(req, reply));

  app.post('/issues/:id/settle', { preHandler: requireRole(...SETTLERS) }, async (req, reply) => {
    const id = (req.params as { id: string }).id.slice(0, 64);
    const choose = (fields(req).choose ?? '').slice(0, 300);
    if (!(await app.store.selectFrom('issues').select('id').where('id', '=', id).executeTakeFirst())) return notFound(reply, '待核定事项');
    const refuse = (message: string) => render(req, reply, { form: `settle:${id}`, message, values: { choose } });
    if (!choose) return refuse('请选择以哪一处表述为准');
    try {
      await settleConflict(app.store, id, choose, req.viewer!);
    } catch (e) {
      if (e instanceof SettleError) return refuse(e.message);
      throw e;
    }
    return reply.redirect(`/issues?ok=issue-settled#issue-${encodeURIComponent(id)}`, 303);
  });

  /** An indicator as typed: its id or name, or a synonym of the registry. */
  const indicatorOf = (typed: string) => indicators().find((d) => d.id === typed || d.name === typed)?.id ?? linkName(typed, { unit: '*' })?.indicatorId;

  app.post('/issues/link', { preHandler: requireRole(...SETTLERS) }, async (req, reply) => {
    const f = fields(req);
    const subject = (f.subject ?? '').slice(0, 300);
    const typed = (f.indicator ?? '').slice(0, 60);
    const refuse = (message: string) => render(req, reply, { form: `link:${subject}`, message, values: { indicator: typed } });
    await loadEdits(app.store);
    const id = indicatorOf(typed);
    if (!id) return refuse(`指标库中没有“${typed}”：请填写指标编号、名称或同义词`);
    try {
      await setLink(app.store, subject, id, actorOf(req));
    } catch (e) {
      if (e instanceof EntryError) return refuse('没有这个数字或表格行，请刷新页面');
      throw e;
    }
    return reply.redirect(`/issues?ok=link-set#links`, 303);
  });

  app.post('/issues/actual', { preHandler: requireRole(...SETTLERS) }, async (req, reply) => {
    const f = fields(req);
    const values = { indicator: (f.indicator ?? '').slice(0, 60), region: (f.region ?? '').slice(0, 60), year: (f.year ?? '').slice(0, 10), value: (f.value ?? '').slice(0, 30), measure: f.measure === 'change' ? 'change' : 'level', source: (f.source ?? '').slice(0, 200) };
    const refuse = (message: string) => render(req, reply, { form: 'actual', message, values });
    await loadEdits(app.store);
    const indicator = indicatorOf(values.indicator);
    if (!indicator) return refuse(`指标库中没有“${values.indicator}”：请填写指标编号、名称或同义词`);
    if (!/^\d{4}$/.test(values.year)) return refuse(`年份“${values.year}”应为四位数字`);
    const value = Number(values.value.replace(/[,，\s]/g, ''));
    if (!values.value || !Number.isFinite(value)) return refuse(`数值“${values.value}”不是数字`);
    if (!values.source) return refuse('请填写出处（如统计公报的名称和年份）');
    try {
      const n = await addActuals(app.store, [{ indicator, region: values.region, year: Number(values.year), value, measure: values.measure as 'level' | 'change', vintage: 'manual', source: values.source }], actorOf(req));
      return reply.redirect(`/issues?ok=${n ? 'actual-added' : 'actual-unchanged'}#official`, 303);
    } catch (e) {
      if (e instanceof EntryError) return refuse(/unknown region/.test(e.message) ? `没有地区“${values.region}”` : /year/.test(e.message) ? `年份“${values.year}”超出范围` : e.message);
      throw e;
    }
  });
}
