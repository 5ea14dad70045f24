// Supervision (督查督办): GET /supervision (supervisors, administrators, leaders, planners read);
// GET /notices/new — the form of a new notice, open; POST /notices issues a numbered notice to a unit of
// the catalogue, with an optional attachment (supervisors, administrators; a refused form is shown again
// with what was typed); POST /notices/:id/close closes it. One notice, its print page, files and reply:
// notices.ts.
import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../auth.js';
import { audit } from '../../../store/audit.js';
import { inTransaction, type Store } from '../../../store/db.js';
import { page } from '../../../web/layout.js';
import { supervisionBody } from '../../../web/workflow/supervision.js';
import { newNoticeBody } from '../../../web/workflow/notice.js';
import { statusRows } from '../../../monitor/statuses.js';
import { daysUntil, localToday, overdueTasks } from '../../../monitor/workflow.js';
import { loadSubject, loadWorkflow, remindersOf, unitsOf } from './data.js';
import { Conflict, changed, conflict, errorBox, fields, flashBox, notFound, nowIso, redirectWith, showTooLarge, takeFlash, versionOf } from './respond.js';
import { UploadError, checkEvidence, displayName, fileOf, noteFileNames, storeEvidence } from './upload.js';
import { fileRow, insertNumbered } from './notice-store.js';
import { t, ts } from '../../../web/i18n.js';

export const ISSUERS = ['supervisor', 'admin'] as const;
export const names = async (store: Store) => new Map((await store.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
/** The units a notice may go to: those that answer for a task or a target. */
const catalogue = (data: Awaited<ReturnType<typeof loadWorkflow>>) => new Set([...unitsOf(data).map((u) => u.unit), ...data.targets.flatMap((t) => t.units)]);
const validDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && plusDays(d, 0) === d;
const sorted = (units: Iterable<string>) => [...units].sort((a, b) => a.localeCompare(b, 'zh'));

export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/supervision', { preHandler: requireRole('supervisor', 'admin', 'leader', 'planner') }, async (req, reply) => {
    const data = await loadWorkflow(app.store);
    const today = localToday();
    const rows = await statusRows(app.store, { status: ['off_track', 'at_risk', 'missed'] });
    const raw = await app.store.selectFrom('targets').select(['id', 'indicator_id', 'region', 'year', 'document_id', 'line']).execute();
    const lagging = rows.map((r) => {
      const id = raw.find((t) => t.indicator_id === r.indicatorId && t.region === r.region && t.year === r.year && t.document_id === r.source.documentId && t.line === r.source.line)?.id;
      return { ...r, targetId: id, units: data.targets.find((t) => t.id === id)?.units ?? [] };
    });
    const ctx = { ...reply.ctx(), notifications: remindersOf(data, req.viewer!, today).length };
    const known = new Set([...unitsOf(data).map((u) => u.unit), ...data.notices.map((n) => n.unit)]);
    const body = supervisionBody({
      today,
      csrf: ctx.csrf,
      flash: flashBox(takeFlash(req, reply), req.lang),
      mayIssue: (ISSUERS as readonly string[]).includes(req.viewer!.role),
      units: sorted(known),
      defaultDeadline: plusDays(today, 7),
      overdue: overdueTasks(data.tasks, today).map((t) => ({ ...t, lastStatus: data.updates.find((u) => u.subject_kind === 'task' && u.subject_id === t.id)?.status })),
      lagging,
      notices: data.notices,
      names: await names(app.store),
      lang: ctx.lang,
    });
    return reply.type('text/html; charset=utf-8').send(page(ctx, '督查督办', body).value);
  });

  /** The page of a new notice: on GET, what the link proposes; after a refused POST, what was typed, and why. */
  const newNotice = async (req: FastifyRequest, reply: FastifyReply, typed: Record<string, string | undefined>, error?: string) => {
    const data = await loadWorkflow(app.store);
    const subject = typed.task_id ? await loadSubject(app.store, 'task', typed.task_id) : typed.target_id ? await loadSubject(app.store, 'target', typed.target_id) : undefined;
    const ctx = reply.ctx();
    const body = newNoticeBody({
      csrf: ctx.csrf,
      units: sorted(catalogue(data)),
      defaultDeadline: plusDays(localToday(), 7),
      about: subject ? `${subject.kind === 'task' ? '任务' : '指标目标'}：${subject.title}` : undefined,
      typed: { taskId: subject?.kind === 'task' ? subject.id : undefined, targetId: subject?.kind === 'target' ? subject.id : undefined, unit: typed.unit ?? subject?.units[0], text: typed.text, deadline: typed.reply_deadline },
      error: errorBox(error, req.lang),
      lang: ctx.lang,
    });
    return reply.code(error ? (error.startsWith('415') ? 415 : /10 MB/.test(error) ? 413 : 400) : 200).type('text/html; charset=utf-8').send(page(ctx, '下发督办通知', body).value);
  };

  app.get('/notices/new', { preHandler: requireRole(...ISSUERS) }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, 2000) : undefined);
    return newNotice(req, reply, { task_id: s('task_id'), target_id: s('target_id'), unit: s('unit'), text: s('text') });
  });

  const tooLarge = showTooLarge(async (req, reply, f) =>
    (ISSUERS as readonly string[]).includes(req.viewer!.role) ? newNotice(req, reply, f, '附件不能超过 10 MB；其余内容已保留，请重新选择文件') : undefined);

  app.post('/notices', { onRequest: noteFileNames, preHandler: requireRole(...ISSUERS), errorHandler: tooLarge }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    const refuse = (why: string) => newNotice(req, reply, f, why);
    if (!f.unit || f.unit.length > 100) return refuse('请选择督办单位');
    const data = await loadWorkflow(app.store);
    if (!catalogue(data).has(f.unit)) return refuse(ts('没有责任单位“{unit}”：督办通知只能发给任务或指标目标的责任单位', req.lang, { unit: f.unit }));
    if (!f.text || f.text.length > 2000) return refuse('请填写督办事项（不超过 2000 字）');
    const today = localToday();
    if (!validDay(f.reply_deadline ?? '') || daysUntil(f.reply_deadline, today) < 0) return refuse('回复期限应是今天或以后的日期（YYYY-MM-DD）');
    if (f.task_id && !(await loadSubject(app.store, 'task', f.task_id))) return notFound(reply, '任务');
    if (f.target_id && !(await loadSubject(app.store, 'target', f.target_id))) return notFound(reply, '指标目标');
    const file = fileOf(req, 'attachment');
    let stored: { name: string; path: string; size: number } | undefined;
    try {
      if (file) stored = { name: displayName(file.name), path: await storeEvidence(app.lantu.uploadDir, checkEvidence(file.name, file.bytes, '附件'), file.bytes), size: file.bytes.length };
    } catch (e) {
      if (e instanceof UploadError) return refuse(ts('415 {error}；其余内容已保留，请重新选择文件', req.lang, { error: e.say(req.lang) }));
      throw e;
    }
    const at = nowIso();
    const row = {
      id: randomBytes(12).toString('base64url'), task_id: f.task_id || null, target_id: f.target_id || null, unit: f.unit, text: f.text, reply_deadline: f.reply_deadline,
      status: 'issued', reply: null, replied_by: null, replied_at: null, issued_by: v.id, issued_at: at, version: 1,
    };
    try {
      const n = await insertNumbered(app.store, row, Number(today.slice(0, 4)), async (trx, n) => {
        if (stored) await trx.insertInto('notice_files').values(fileRow(n.id, 'issue', stored, v.id, at)).execute();
        await audit(trx, v, 'notice-issue', 'notice', n.id, undefined, n);
      });
      return redirectWith(reply, `/notices/${encodeURIComponent(n.id)}`, ts('已下发 {number}（{unit}，回复期限 {deadline}）', req.lang, { number: n.number, unit: n.unit, deadline: n.reply_deadline }));
    } catch (e) {
      if (stored) await unlink(join(app.lantu.uploadDir, stored.path)).catch(() => {});
      throw e;
    }
  });

  app.post('/notices/:id/close', { preHandler: requireRole(...ISSUERS) }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    const before = await app.store.selectFrom('notices').selectAll().where('id', '=', (req.params as { id: string }).id).executeTakeFirst();
    if (!before) return notFound(reply, '督办通知');
    const version = versionOf(f);
    if (version !== before.version) return conflict(reply);
    if (before.status === 'closed') return conflict(reply, '409 此督办通知已办结，不能再更改。');
    const after = { ...before, status: 'closed', version: version + 1 };
    try {
      await inTransaction(app.store, async (trx) => {
        const { id: _id, ...set } = after;
        const r = await trx.updateTable('notices').set(set).where('id', '=', before.id).where('version', '=', version).where('status', '!=', 'closed').executeTakeFirst();
        if (!changed(r)) throw new Conflict();
        await audit(trx, v, 'notice-close', 'notice', before.id, before, after);
      });
    } catch (e) {
      if (e instanceof Conflict) return conflict(reply);
      throw e;
    }
    return redirectWith(reply, '/supervision', ts('{number}已办结', req.lang, { number: before.number ?? t('督办通知', req.lang) }));
  });
}
