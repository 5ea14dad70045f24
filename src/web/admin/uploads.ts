// 上传文件 (planners, administrators): a form that sends up to ten documents at once, the recent upload
// jobs, and a job's page — its progress (the page reloads itself while the job runs) and each file's
// outcome with its error.
import { html, raw, type SafeHtml } from '../html.js';
import { t, zhPart, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';
import type { Job, JobFile } from '../../server/routes/admin/ingest-jobs.js';
import { adminNav, errorMessage } from './form.js';

const FILE_STATUS: Record<JobFile['status'], string> = { queued: '等待导入', stored: '已导入', unchanged: '未重复导入', failed: '导入失败', refused: '已拒绝' };
const JOB_STATUS: Record<string, string> = { queued: '排队中', running: '导入中', done: '已完成', failed: '已中断' };

const finished = (f: JobFile) => f.status !== 'queued';
/** After this long a job still queued or running was left by its server. */
const STALE_MS = 3600_000;

/** A job still queued or running, or one its server left unfinished an hour ago (a restart): that one will not end. */
export function progress(job: Pick<Job, 'status' | 'created_at'>): 'running' | 'stale' | 'ended' {
  if (job.status !== 'queued' && job.status !== 'running') return 'ended';
  return Date.now() - Date.parse(job.created_at) > STALE_MS ? 'stale' : 'running';
}

export interface UploadsView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  jobs: Job[];
  maxFiles: number;
  maxMb: number;
  error?: string;
}

export function uploadsPage(v: UploadsView): SafeHtml {
  const { lang } = v;
  return html`${adminNav(v.viewer, lang, '/admin/uploads')}
<p>${t('上传规划、工作报告、分工方案等文件（.txt、.docx、.pdf），系统读取后提取指标、目标、任务和责任单位，并重新生成监测数据。', lang)}</p>
${errorMessage(v.error, lang)}
<form method="post" action="/admin/uploads?_csrf=${encodeURIComponent(v.csrf ?? '')}" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${v.csrf ?? ''}">
<label for="f-documents">${t('文件', lang)}</label><input id="f-documents" name="documents" type="file" multiple required accept=".txt,.docx,.pdf" aria-describedby="documents-hint">
<small class="muted" id="documents-hint">${t(`一次最多 ${v.maxFiles} 个文件，每个不超过 ${v.maxMb} MB`, lang)}</small>
<p><button type="submit">${t('上传并导入', lang)}</button></p></form>
<table><caption>${t('最近的上传', lang)}</caption>
<thead><tr><th scope="col">${t('时间', lang)}</th><th scope="col">${t('上传人', lang)}</th><th scope="col">${t('文件', lang)}</th><th scope="col">${t('状态', lang)}</th></tr></thead>
<tbody>${v.jobs.length ? v.jobs.map((j) => html`<tr><td><a href="/admin/uploads/${encodeURIComponent(j.id)}">${j.created_at.replace('T', ' ').slice(0, 16)}</a></td><td>${zhPart(j.created_by, lang)}</td><td>${zhPart(j.files.map((f) => f.name).join('、'), lang)}</td><td>${t(JOB_STATUS[j.status] ?? j.status, lang)}${j.files.some((f) => f.status === 'failed' || f.status === 'refused') ? html`，<span class="error">${t('有文件未导入', lang)}</span>` : ''}</td></tr>`) : html`<tr><td colspan="4">${t('暂无记录', lang)}</td></tr>`}</tbody></table>`;
}

export function jobPage(viewer: Viewer, lang: Lang, job: Job, fresh: boolean): SafeHtml {
  const done = job.files.filter(finished).length;
  // a job its server left unfinished is said so, and the page stops reloading
  const stale = progress(job) === 'stale';
  const running = progress(job) === 'running';
  const bad = job.files.filter((f) => f.status === 'failed' || f.status === 'refused').length;
  return html`${adminNav(viewer, lang, '/admin/uploads')}
${fresh ? html`<p class="notice" role="status">${t('文件已上传，正在后台导入；本页会自动刷新。', lang)}</p>` : ''}
<p><a href="/admin/uploads">${t('返回上传', lang)}</a></p>
<p role="status">${t(stale ? '已中断' : JOB_STATUS[job.status] ?? job.status, lang)}${t('：', lang)}${t('已处理', lang)} ${done} / ${job.files.length}${bad ? html`${t('，', lang)}<strong class="error">${bad} ${t('个文件未导入', lang)}</strong>` : ''}</p>
<progress max="${job.files.length}" value="${done}" aria-label="${t('导入进度', lang)}">${done} / ${job.files.length}</progress>
${stale ? html`<p class="error">${t('导入没有完成（服务器可能已重启），请重新上传未导入的文件。', lang)}</p>` : ''}${running ? html`<p class="muted">${t('导入中，页面每 2 秒刷新一次。', lang)} <a href="/admin/uploads/${encodeURIComponent(job.id)}">${t('立即刷新', lang)}</a></p>` : ''}
<table><caption>${t('文件', lang)}</caption>
<thead><tr><th scope="col">${t('文件', lang)}</th><th scope="col">${t('结果', lang)}</th><th scope="col">${t('说明', lang)}</th></tr></thead>
<tbody>${job.files.map((f) => html`<tr><td>${zhPart(f.name, lang)}</td><td>${f.status === 'failed' || f.status === 'refused' ? html`<strong class="error">${t(FILE_STATUS[f.status], lang)}</strong>` : t(FILE_STATUS[f.status], lang)}</td><td>${f.status === 'stored' ? html`${f.documents} ${t('份文件已入库', lang)}` : f.reason ? zhPart(f.reason, lang) : ''}</td></tr>`)}</tbody></table>
${!running && job.files.some((f) => f.status === 'stored') ? html`<p><a href="/documents">${t('查看文件', lang)}</a> · <a href="/issues">${t('核定与关联', lang)}</a></p>` : raw('')}`;
}
