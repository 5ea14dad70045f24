// Progress updates: a department submits (or changes and resubmits) an update for a task or target of
// its own units (a planner or administrator may submit for any unit); a planner approves it — a
// target update's value becomes an actual — or returns it with a comment, never his own submission. Every change is conditional on the version the form showed (else 409, nothing
// written) and is written to the audit log in the same transaction.
// GET /updates/new?kind=task&id=…&unit=… and GET /updates/:id/edit: the form on a page of its own, open;
// a refused submission (bad field, refused file) shows that page again with the error and what was typed;
// a successful one returns to the page it came from (`back`) with a message.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayChangeUnits, requireRole } from '../../auth.js';
import { safeNext } from '../auth.js';
import { formPageOf, reportFormRoutes } from './report-form.js';
import { t, ts } from '../../../web/i18n.js';
import { audit } from '../../../store/audit.js';
import { inTransaction, type Store } from '../../../store/db.js';
import type { ActualsTable, UpdatesTable } from '../../../store/schema.js';
import { localToday } from '../../../monitor/workflow.js';
import { loadSubject, mayReadUnit } from './data.js';
import { Conflict, changed, conflict, deny, fail, fields, notFound, nowIso, redirectWith, showTooLarge, updateInput, versionOf } from './respond.js';
import { EVIDENCE_TYPES, UploadError, checkEvidence, displayName, evidencePath, fileOf, noteFileNames, storeEvidence } from './upload.js';
import { statusesChanged } from '../../../store/state.js';

const unitPage = (u: Pick<UpdatesTable, 'unit' | 'subject_kind' | 'subject_id'>) => `/departments/${encodeURIComponent(u.unit)}#${u.subject_kind}-${encodeURIComponent(u.subject_id)}`;
/** Where a form returns to: a page of the workflow the form named, else the unit's page. */
const backOf = (f: Record<string, string>, u: Pick<UpdatesTable, 'unit' | 'subject_kind' | 'subject_id'>) => (f.back && /^\/(my|departments\/)/.test(f.back) ? safeNext(f.back) : unitPage(u));
const SUBMITTED = '进展已提交，等待规划部门审核';
const getUpdate = (store: Store, id: string) => store.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();

/** Checks and stores the evidence file of the request, if one was chosen. */
async function evidence(req: FastifyRequest, dir: string): Promise<{ name: string; path: string } | undefined> {
  const f = fileOf(req, 'evidence');
  if (!f) return undefined;
  const type = checkEvidence(f.name, f.bytes);
  return { name: displayName(f.name), path: await storeEvidence(dir, type, f.bytes) };
}

export async function updateRoutes(app: FastifyInstance): Promise<void> {
  const dir = app.lantu.uploadDir;
  const reporters = requireRole('department', 'planner', 'admin');
  const reviewers = requireRole('planner', 'admin');
  /** Checks and stores the request's evidence file, writes with it, and removes the file if writing fails;
   *  a refused file: `refuse` shows the form again. */
  const withEvidence = async (req: FastifyRequest, reply: FastifyReply, refuse: (error: string, code: number) => Promise<FastifyReply>, write: (ev: Awaited<ReturnType<typeof evidence>>) => Promise<FastifyReply>) => {
    let ev: Awaited<ReturnType<typeof evidence>>;
    try {
      ev = await evidence(req, dir);
    } catch (e) {
      if (e instanceof UploadError) return refuse(ts('{error}；其余内容已保留，请重新选择文件', req.lang, { error: e.say(req.lang) }), 415);
      throw e;
    }
    try {
      return await write(ev);
    } catch (e) {
      if (ev) await unlink(join(dir, ev.path)).catch(() => {});
      if (e instanceof Conflict) return conflict(reply);
      throw e;
    }
  };

  const formPage = formPageOf(app);
  await reportFormRoutes(app);

  const TOO_LARGE = '证明材料不能超过 10 MB；其余内容已保留，请重新选择文件';
  /** A file over the limit: the form again, with what was typed before the file. */
  const tooLarge = (resubmit: boolean) => showTooLarge(async (req, reply, f) => {
    const before = resubmit ? await getUpdate(app.store, (req.params as { id: string }).id) : undefined;
    const subject = await loadSubject(app.store, before?.subject_kind ?? f.subject_kind ?? '', before?.subject_id ?? f.subject_id ?? '');
    const unit = before?.unit ?? f.unit ?? '';
    if (!subject || !mayChangeUnits(req.viewer!, [unit])) return undefined;
    return formPage(req, reply, subject, unit, before, { error: TOO_LARGE, typed: f, code: 413 });
  });

  app.post('/updates', { onRequest: noteFileNames, preHandler: reporters, errorHandler: tooLarge(false) }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    const subject = await loadSubject(app.store, f.subject_kind ?? '', f.subject_id ?? '');
    if (!subject) return notFound(reply, '任务或指标目标');
    if (!subject.units.includes(f.unit ?? '') || !mayChangeUnits(v, [f.unit])) return deny(reply);
    const refuse = (error: string, code: number) => formPage(req, reply, subject, f.unit, undefined, { error, typed: f, code });
    const input = updateInput(f, subject.kind, req.lang);
    if ('error' in input) return refuse(input.error, 400);
    return withEvidence(req, reply, refuse, async (ev) => {
      const row: UpdatesTable = {
        id: randomBytes(12).toString('base64url'), subject_kind: subject.kind, subject_id: subject.id, unit: f.unit, ...input,
        evidence_name: ev?.name ?? null, evidence_path: ev?.path ?? null, status: 'submitted', comment: null, version: 1,
        submitted_by: v.id, submitted_at: nowIso(), reviewed_by: null, reviewed_at: null,
      };
      await inTransaction(app.store, async (trx) => {
        await trx.insertInto('updates').values(row).execute();
        await audit(trx, v, 'update-submit', 'update', row.id, undefined, row);
      });
      return redirectWith(reply, backOf(f, row), t(SUBMITTED, req.lang));
    });
  });

  app.post('/updates/:id/resubmit', { onRequest: noteFileNames, preHandler: reporters, errorHandler: tooLarge(true) }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    const before = await getUpdate(app.store, (req.params as { id: string }).id);
    if (!before) return notFound(reply, '进展');
    if (!mayChangeUnits(v, [before.unit])) return deny(reply);
    const version = versionOf(f);
    if (version !== before.version) return conflict(reply);
    if (before.status === 'approved') return conflict(reply, '409 此进展已审核通过，不能再修改；请提交新的进展。');
    const subject = await loadSubject(app.store, before.subject_kind, before.subject_id);
    const refuse = async (error: string, code: number) => (subject ? formPage(req, reply, subject, before.unit, before, { error, typed: f, code }) : fail(reply, code, error));
    const input = updateInput(f, before.subject_kind, req.lang);
    if ('error' in input) return refuse(input.error, 400);
    return withEvidence(req, reply, refuse, async (ev) => {
      const after: UpdatesTable = {
        ...before, ...input, evidence_name: ev?.name ?? before.evidence_name, evidence_path: ev?.path ?? before.evidence_path,
        status: 'submitted', version: version + 1, submitted_by: v.id, submitted_at: nowIso(),
      };
      await inTransaction(app.store, async (trx) => {
        const { id: _id, ...set } = after;
        const r = await trx.updateTable('updates').set(set).where('id', '=', before.id).where('version', '=', version).where('status', '!=', 'approved').executeTakeFirst();
        if (!changed(r)) throw new Conflict();
        await audit(trx, v, 'update-resubmit', 'update', before.id, before, after);
      });
      return redirectWith(reply, backOf(f, after), ts('已修改并重新提交（第 {n} 版），等待审核', req.lang, { n: after.version }));
    });
  });

  /** Approves (the value of a target update becomes an actual) or returns with a comment. */
  const review = (decision: 'approved' | 'returned') => async (req: FastifyRequest, reply: FastifyReply) => {
    const f = fields(req);
    const v = req.viewer!;
    const before = await getUpdate(app.store, (req.params as { id: string }).id);
    if (!before) return notFound(reply, '进展');
    const version = versionOf(f);
    if (version !== before.version) return conflict(reply);
    if (before.status !== 'submitted') return conflict(reply, before.status === 'approved' ? '409 此进展已通过，不能再次审核。' : '409 此进展已退回，不能再次审核。');
    // separation of duties: whoever submitted (or last changed) an update does not review it
    if (before.submitted_by === v.id) return deny(reply, '不能审核自己提交的进展，请由其他审核人审核');
    if (decision === 'returned' && !f.comment) return fail(reply, 400, '退回时请写明意见');
    if ((f.comment ?? '').length > 2000) return fail(reply, 400, '意见不能超过 2000 字');
    const after: UpdatesTable = { ...before, status: decision, comment: decision === 'returned' ? f.comment : before.comment, version: version + 1, reviewed_by: v.id, reviewed_at: nowIso() };
    try {
      await inTransaction(app.store, async (trx) => {
        const { id: _id, ...set } = after;
        const r = await trx.updateTable('updates').set(set).where('id', '=', before.id).where('version', '=', version).where('status', '=', 'submitted').executeTakeFirst();
        if (!changed(r)) throw new Conflict();
        if (decision === 'approved' && before.subject_kind === 'target' && before.value !== null) {
          const t = await trx.selectFrom('targets').selectAll().where('id', '=', before.subject_id).executeTakeFirst();
          if (!t) throw new Conflict('409 这个指标目标已随文件重新导入而改变，无法入库；请退回，由部门针对新的目标重新填报。');
          const actual: ActualsTable = {
            id: `update:${before.id}`, indicator_id: t.indicator_id, region: t.region, year: Number(before.period.slice(0, 4)) || t.year, value: before.value, measure: t.measure,
            vintage: 'reported', source_kind: 'update', source_id: before.id, document_id: null, line: null, reported: localToday(),
            // the department reports on the target's own basis and period
            basis: t.basis, period_from: t.period_from, period_to: t.period_to,
          };
          await trx.insertInto('actuals').values(actual).execute();
          await audit(trx, v, 'actual-add', 'actual', actual.id, undefined, actual);
          await statusesChanged(trx, [t.region]);
        }
        await audit(trx, v, decision === 'approved' ? 'update-approve' : 'update-return', 'update', before.id, before, after);
      });
    } catch (e) {
      if (e instanceof Conflict) return conflict(reply, e.message || undefined);
      throw e;
    }
    const said = decision === 'returned' ? '已退回 {unit} 的进展，部门会在“我的任务”中看到意见' : before.subject_kind === 'target' && before.value !== null ? '已通过 {unit} 的进展，数值已作为实际值入库' : '已通过 {unit} 的进展';
    return redirectWith(reply, '/review', ts(said, req.lang, { unit: before.unit }));
  };
  app.post('/updates/:id/approve', { preHandler: reviewers }, review('approved'));
  app.post('/updates/:id/return', { preHandler: reviewers }, review('returned'));

  app.get('/updates/:id/evidence', { preHandler: requireRole() }, async (req, reply) => {
    const u = await getUpdate(app.store, (req.params as { id: string }).id);
    if (!u || !u.evidence_path) return notFound(reply, '证明材料');
    if (!mayReadUnit(req.viewer!, u.unit)) return deny(reply, '只能查看本单位的证明材料');
    const file = evidencePath(dir, u.evidence_path);
    if (!file || !(await stat(file.path).catch(() => undefined))) return notFound(reply, '证明材料文件');
    return reply
      .type(EVIDENCE_TYPES[file.type])
      .header('content-disposition', `attachment; filename="evidence.${file.type}"; filename*=UTF-8''${encodeURIComponent(u.evidence_name ?? `evidence.${file.type}`)}`)
      .send(createReadStream(file.path));
  });
}
