// Reports and Excel exchange from the web: evaluation reports of a plan as DOCX or PDF in 公文 form, HTML or Markdown, and
// for a department and period an Excel template to download, fill in and upload.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { reportData } from '../../report/data.js';
import { renderDocx } from '../../report/docx.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderPdf } from '../../report/pdf.js';
import { REPORT_TYPES, ReportError, TYPE_NAME, type ReportType } from '../../report/scope.js';
import { ExcelError, importWorkbook, templateWorkbook } from '../../report/excel.js';
import { html } from '../../web/html.js';
import { page } from '../../web/layout.js';
import { t } from '../../web/i18n.js';
import { vocab } from '../../vocab/load.js';
import { audit } from '../../store/audit.js';
import { mayChangeUnits, requireRole } from '../auth.js';
import { fileOf, noteFileNames } from './workflow/upload.js';

const FORMAT: Record<string, { type: string; ext: string }> = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  pdf: { type: 'application/pdf', ext: 'pdf' },
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download: an ASCII fallback name and the UTF-8 one. */
function attachment(reply: FastifyReply, name: string, type: string) {
  return reply.type(type).header('content-disposition', `attachment; filename="lantu.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

export async function routes(app: FastifyInstance): Promise<void> {
  const readers = requireRole('planner', 'admin', 'leader', 'supervisor');

  app.get('/reports', { preHandler: readers }, async (req, reply) => {
    const plans = vocab<{ plans: string[] }>('doc-types').plans;
    const docs = (await app.store.selectFrom('documents').select(['id', 'title', 'type', 'region']).orderBy('title').execute()).filter((d) => d.type && plans.includes(d.type));
    const year = new Date().getFullYear() - 1;
    const T = (zh: string) => t(zh, req.lang);
    const zhOption = req.lang === 'en' ? html` lang="zh-CN"` : '';
    const body = html`<form method="get" action="/reports/file">
<label for="plan">${T('规划')}</label><select id="plan" name="plan" required>${docs.map((d) => html`<option value="${d.id}"${zhOption}>${d.title}（${d.region ?? ''}）</option>`)}</select>
<label for="type">${T('报告类型')}</label><select id="type" name="type">${REPORT_TYPES.map((rt) => html`<option value="${rt}">${T(TYPE_NAME[rt])}</option>`)}</select>
<label for="year">${T('年度（年度报告必填）')}</label><input id="year" name="year" type="number" min="1949" max="2100" value="${year}">
<label for="format">${T('格式')}</label><select id="format" name="format"><option value="docx">${T('Word（DOCX，公文格式）')}</option><option value="pdf">${T('PDF（公文格式）')}</option><option value="html">${T('网页（HTML）')}</option><option value="md">Markdown</option></select>
<label for="issuer">${T('发文单位（默认：该地区发展和改革委员会）')}</label><input id="issuer" name="issuer" maxlength="60">
<p class="muted">${T('报告按公文格式用中文撰写。')}</p>
<p><button type="submit">${T('生成报告')}</button></p></form>`;
    return reply.type('text/html; charset=utf-8').send(page(reply.ctx(), '评估报告', body).value);
  });

  app.get('/reports/file', { preHandler: readers }, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const type = q.type as ReportType;
    const format = FORMAT[q.format ?? 'docx'];
    if (!REPORT_TYPES.includes(type) || !format || !q.plan) return reply.code(400).type('text/plain; charset=utf-8').send('400 请选择规划、报告类型和格式');
    const year = q.year ? Number(q.year) : undefined;
    try {
      const data = await reportData(app.store, { type, plan: q.plan, year, issuer: q.issuer?.slice(0, 60) || undefined });
      const body = q.format === 'html' ? renderHtml(data) : q.format === 'md' ? renderMarkdown(data) : q.format === 'pdf' ? (await renderPdf(data)).pdf : await renderDocx(data);
      await audit(app.store, req.viewer, 'report-generate', 'report', q.plan, undefined, { type, year, format: q.format });
      return attachment(reply, `${data.title}.${format.ext}`, format.type).send(body);
    } catch (e) {
      if (e instanceof ReportError) return reply.code(400).type('text/plain; charset=utf-8').send(`400 ${e.message}`);
      throw e;
    }
  });

  /** The unit's Excel template for a period: its own department users, planners and admins. */
  app.get('/departments/:unit/template.xlsx', { preHandler: requireRole('department', 'planner', 'admin') }, async (req, reply) => {
    const unit = (req.params as { unit: string }).unit;
    const period = String((req.query as { period?: string }).period ?? new Date().getFullYear());
    if (!mayChangeUnits(req.viewer!, [unit])) return reply.code(403).type('text/plain; charset=utf-8').send('403 只能下载本单位的填报模板');
    let workbook;
    try {
      ({ workbook } = await templateWorkbook(app.store, unit, period));
    } catch (e) {
      if (e instanceof ExcelError) return reply.code(400).type('text/plain; charset=utf-8').send(`400 ${e.message}`);
      throw e;
    }
    const buf = Buffer.from(await workbook.xlsx.writeBuffer());
    return attachment(reply, `${unit}-${period}-进展填报.xlsx`, XLSX).send(buf);
  });

  /** Upload of a filled template: every row checked; nothing stored with errors unless the valid rows are chosen. */
  app.post('/departments/:unit/import', { onRequest: noteFileNames, preHandler: requireRole('department', 'planner', 'admin') }, async (req, reply) => {
    const unit = (req.params as { unit: string }).unit;
    if (!mayChangeUnits(req.viewer!, [unit])) return reply.code(403).type('text/plain; charset=utf-8').send('403 只能上传本单位的填报表');
    const f = fileOf(req, 'workbook');
    if (!f || !/\.xlsx$/i.test(f.name) || f.bytes.subarray(0, 4).toString('binary') !== 'PK\u0003\u0004') {
      return reply.code(415).type('text/plain; charset=utf-8').send('415 请上传由本系统下载的 xlsx 填报表');
    }
    const storeValid = (req.body as Record<string, unknown>).store_valid === 'on';
    let result;
    try {
      result = await importWorkbook(app.store, f.bytes, { storeValid, unit, by: req.viewer!.id });
    } catch (e) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`400 ${(e as Error).message}`);
    }
    if (result.stored) await audit(app.store, req.viewer, 'excel-import', 'updates', unit, undefined, { period: result.period, stored: result.stored, errors: result.errors.length });
    const body = html`${result.errors.length ? html`<p class="error" role="alert">发现 ${result.errors.length} 处错误${result.stored ? `，已按选择保存其余 ${result.stored} 行` : '，未保存任何内容'}：</p><ul>${result.errors.map((e) => html`<li>${e}</li>`)}</ul>` : html`<p class="notice">已保存 ${result.stored} 条进展，等待审核。${result.unchanged ? `另有 ${result.unchanged} 行与已保存的相同，未重复保存。` : ''}</p>`}
<p><a href="/departments/${encodeURIComponent(unit)}">返回本单位页面</a></p>`;
    return reply.code(result.errors.length && !result.stored ? 422 : 200).type('text/html; charset=utf-8').send(page(reply.ctx(), 'Excel 填报结果', body).value);
  });
}
