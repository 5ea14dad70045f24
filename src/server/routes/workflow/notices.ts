// One 督办 notice: GET /notices/:id (supervisors, leaders, planners, administrators, and the department
// of its unit), its print page in official-document form (GET /notices/:id/print), its files (GET
// /notices/:id/files/:fid, to the same readers only), and the reply of its unit (POST /notices/:id/reply,
// with an optional attachment; the issuer is told in the application's reminders and by e-mail). A
// refused reply shows the notice again with what was typed.
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayChangeUnits, requireRole } from '../../auth.js';
import { audit } from '../../../store/audit.js';
import { inTransaction, type Store } from '../../../store/db.js';
import type { NoticesTable } from '../../../store/schema.js';
import { page } from '../../../web/layout.js';
import { noticeBody } from '../../../web/workflow/notice.js';
import { printPage } from '../../../web/workflow/print.js';
import { localToday } from '../../../monitor/workflow.js';
import { safeNext } from '../auth.js';
import { loadSubject, mayReadUnit } from './data.js';
import { Conflict, changed, conflict, deny, errorBox, fields, flashBox, notFound, nowIso, redirectWith, showTooLarge, takeFlash, versionOf } from './respond.js';
import { EVIDENCE_TYPES, UploadError, checkEvidence, displayName, evidencePath, fileOf, noteFileNames, storeEvidence } from './upload.js';
import { MAX_NOTICE_FILES, fileRow, mailReply, noticeFiles } from './notice-store.js';
import { ISSUERS, names } from './supervision.js';
import { t, ts } from '../../../web/i18n.js';

/** The office that issues notices, as printed at the head of a notice (LANTU_OFFICE_NAME). */
const office = () => process.env.LANTU_OFFICE_NAME ?? '督查室';

export async function noticeRoutes(app: FastifyInstance): Promise<void> {
  const getNotice = (id: string) => app.store.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  const about = async (n: NoticesTable) => {
    const s = n.task_id ? await loadSubject(app.store, 'task', n.task_id) : n.target_id ? await loadSubject(app.store, 'target', n.target_id) : undefined;
    return s ? `${s.kind === 'task' ? '任务' : '指标目标'}：${s.title}` : undefined;
  };
  const mayReply = (v: NonNullable<FastifyRequest['viewer']>, n: NoticesTable) => (v.role === 'department' || v.role === 'admin') && mayChangeUnits(v, [n.unit]);

  /** The notice's page; after a refused reply, with the error and what was typed. */
  const show = async (req: FastifyRequest, reply: FastifyReply, n: NoticesTable, refused?: { error: string; typed: string; code: number }) => {
    const v = req.viewer!;
    const ctx = reply.ctx();
    const body = noticeBody(n, {
      lang: req.lang, today: localToday(), csrf: ctx.csrf, mayReply: mayReply(v, n), mayClose: (ISSUERS as readonly string[]).includes(v.role),
      about: await about(n), names: await names(app.store), files: await noticeFiles(app.store, n.id),
      flash: flashBox(takeFlash(req, reply), req.lang), error: errorBox(refused?.error, req.lang), typed: refused?.typed,
    });
    return reply.code(refused?.code ?? 200).type('text/html; charset=utf-8').send(page(ctx, n.number && req.lang === 'zh' ? `督办通知 ${n.number}` : '督办通知', body).value);
  };

  /** The notice of the request if the viewer may read it; else the 404 or 403 page is sent. */
  const readable = async (req: FastifyRequest, reply: FastifyReply): Promise<NoticesTable | undefined> => {
    const n = await getNotice((req.params as { id: string }).id);
    if (!n) return void notFound(reply, '督办通知');
    if (!mayReadUnit(req.viewer!, n.unit)) return void deny(reply, '只能查看本单位的督办通知');
    return n;
  };

  app.get('/notices/:id', { preHandler: requireRole() }, async (req, reply) => {
    const n = await readable(req, reply);
    return n ? show(req, reply, n) : reply;
  });

  app.get('/notices/:id/print', { preHandler: requireRole() }, async (req, reply) => {
    const n = await readable(req, reply);
    if (!n) return reply;
    const body = printPage(n, { office: office(), about: await about(n), files: await noticeFiles(app.store, n.id) });
    return reply.type('text/html; charset=utf-8').send(body.value);
  });

  app.get('/notices/:id/files/:fid', { preHandler: requireRole() }, async (req, reply) => {
    const n = await readable(req, reply);
    if (!n) return reply;
    const f = await app.store.selectFrom('notice_files').selectAll().where('id', '=', (req.params as { fid: string }).fid).where('notice_id', '=', n.id).executeTakeFirst();
    const file = f && evidencePath(app.lantu.uploadDir, f.path);
    if (!f || !file || !(await stat(file.path).catch(() => undefined))) return notFound(reply, '附件');
    return reply
      .type(EVIDENCE_TYPES[file.type])
      .header('content-disposition', `attachment; filename="attachment.${file.type}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(createReadStream(file.path));
  });

  const tooLarge = showTooLarge(async (req, reply, f) => {
    const n = await getNotice((req.params as { id: string }).id);
    if (!n || !mayChangeUnits(req.viewer!, [n.unit])) return undefined;
    return show(req, reply, n, { error: '附件不能超过 10 MB；回复内容已保留，请重新选择文件', typed: f.reply ?? '', code: 413 });
  });

  app.post('/notices/:id/reply', { onRequest: noteFileNames, preHandler: requireRole('department', 'admin'), errorHandler: tooLarge }, async (req, reply) => {
    const f = fields(req);
    const v = req.viewer!;
    const before = await getNotice((req.params as { id: string }).id);
    if (!before) return notFound(reply, '督办通知');
    if (!mayChangeUnits(v, [before.unit])) return deny(reply, '只能回复本单位的督办通知');
    const version = versionOf(f);
    if (version !== before.version) return conflict(reply);
    if (before.status === 'closed') return conflict(reply, '409 此督办通知已办结，不能再更改。');
    const refuse = (error: string, code = 400) => show(req, reply, before, { error, typed: f.reply ?? '', code });
    if (!f.reply || f.reply.length > 5000) return refuse('请填写回复（不超过 5000 字）');
    const file = fileOf(req, 'attachment');
    let stored: { name: string; path: string; size: number } | undefined;
    try {
      if (file) {
        const count = (await noticeFiles(app.store, before.id)).length;
        if (count >= MAX_NOTICE_FILES) return refuse(ts('一份督办通知最多 {n} 个附件；回复已保留，请不选文件再提交', req.lang, { n: MAX_NOTICE_FILES }));
        stored = { name: displayName(file.name), path: await storeEvidence(app.lantu.uploadDir, checkEvidence(file.name, file.bytes, '附件'), file.bytes), size: file.bytes.length };
      }
    } catch (e) {
      if (e instanceof UploadError) return refuse(ts('{error}；回复内容已保留，请重新选择文件', req.lang, { error: e.say(req.lang) }), 415);
      throw e;
    }
    const at = nowIso();
    const after: NoticesTable = { ...before, status: 'replied', reply: f.reply, replied_by: v.id, replied_at: at, version: version + 1 };
    try {
      await inTransaction(app.store, async (trx) => {
        const { id: _id, ...set } = after;
        const r = await trx.updateTable('notices').set(set).where('id', '=', before.id).where('version', '=', version).where('status', '!=', 'closed').executeTakeFirst();
        if (!changed(r)) throw new Conflict();
        if (stored) await trx.insertInto('notice_files').values(fileRow(before.id, 'reply', stored, v.id, at)).execute();
        await audit(trx, v, 'notice-reply', 'notice', before.id, before, after);
        await mailReply(trx, after, v.displayName);
      });
    } catch (e) {
      if (stored) await unlink(join(app.lantu.uploadDir, stored.path)).catch(() => {});
      if (e instanceof Conflict) return conflict(reply);
      throw e;
    }
    const back = f.back && /^\/(my|notices|departments)\b/.test(f.back) ? safeNext(f.back) : `/notices/${encodeURIComponent(before.id)}`;
    return redirectWith(reply, back, ts('已回复 {number}，督查室会收到通知', req.lang, { number: before.number ?? t('督办通知', req.lang) }));
  });
}
