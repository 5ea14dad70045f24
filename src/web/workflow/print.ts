// The printable 督办通知 in the form of an official document (GB/T 9704-2012): the issuing office's red
// mark, the number (督办〔2026〕3号) under it above a red rule, the title in 小标宋 二号, the unit it goes
// to, the body in 仿宋 三号 with 28.95 pt line pitch, the reply deadline, the attachments, the office and
// the date. Fonts, sizes and margins are those of the reports (vocab/report-form.json). A page of its own,
// without the application's frame: what is printed is the document only.
import { html, raw, type SafeHtml } from '../html.js';
import { FORM, cssFonts } from '../../report/form.js';
import type { NoticeFilesTable, NoticesTable } from '../../store/schema.js';

const M = FORM.margins;
const CSS = `
@page{size:A4;margin:${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm}
body{font-family:${cssFonts('body')};font-size:${FORM.sizes.body}pt;line-height:${FORM.lineSpacing}pt;color:#000;background:#fff;margin:0}
.sheet{max-width:210mm;margin:0 auto;padding:${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm;box-sizing:border-box}
.mark{font-family:${cssFonts('title')};color:#c00000;font-size:30pt;line-height:1.3;text-align:center;letter-spacing:.1em;margin:0}
.no{text-align:center;margin:12pt 0 4pt}hr.red{border:0;border-top:2px solid #c00000;margin:0 0 24pt}
h1{font-family:${cssFonts('title')};font-size:${FORM.sizes.title}pt;font-weight:normal;text-align:center;line-height:1.5;margin:0 0 ${FORM.lineSpacing}pt}
p{margin:0}.indent{text-indent:2em}.to{margin-top:0}.sign{text-align:right;margin-top:${FORM.lineSpacing * 2}pt;padding-right:4em}
h2{font-family:${cssFonts('heading1')};font-size:${FORM.sizes.heading1}pt;font-weight:normal;margin:${FORM.lineSpacing}pt 0 0}
.attach{margin-top:${FORM.lineSpacing}pt}.attach ol{margin:0;padding-left:5em}
.tools{font:14px/1.5 system-ui,sans-serif;background:#f3f6fa;padding:8px 16px;text-align:center}.tools a{color:#0b5cad}
@media print{.tools{display:none}.sheet{padding:0;max-width:none}}
@media (max-width:640px){.sheet{padding:16px}.mark{font-size:22pt}body{font-size:14pt;line-height:1.8}}
`;

/** 2026-11-27 → 2026年11月27日 (GB/T 9704: the date in Arabic numerals, no leading zeros). */
export const cnDate = (d: string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function printPage(n: NoticesTable, o: { office: string; about?: string; files: NoticeFilesTable[] }): SafeHtml {
  const issued = o.files.filter((f) => f.part === 'issue');
  const paragraphs = n.text.split(/\n+/).filter((s) => s.trim());
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${n.number ?? '督办通知'} · ${n.unit}</title><style>${raw(CSS)}</style></head>
<body>
<nav class="tools" aria-label="打印"><a href="/notices/${encodeURIComponent(n.id)}">返回督办通知</a> · 用浏览器的“打印”（Ctrl+P）打印或存为 PDF，纸张 A4</nav>
<main class="sheet">
<p class="mark">${o.office}</p>
<p class="no">${n.number ?? ''}</p><hr class="red">
<h1>督办通知</h1>
<p class="to">${n.unit}：</p>
${o.about ? html`<p class="indent">事由：${o.about}。</p>` : ''}
${paragraphs.map((t) => html`<p class="indent">${t}</p>`)}
<p class="indent">请于${cnDate(n.reply_deadline)}前将办理情况书面回复${o.office}。</p>
${issued.length ? html`<div class="attach"><p class="indent">附件：</p><ol>${issued.map((f) => html`<li>${f.name.replace(/\.[a-z0-9]+$/i, '')}</li>`)}</ol></div>` : ''}
<p class="sign">${o.office}<br>${cnDate(n.issued_at.slice(0, 10))}</p>
${n.reply ? html`<h2>办理情况（${n.unit}${n.replied_at ? `，${cnDate(n.replied_at.slice(0, 10))}` : ''}）</h2>${n.reply.split(/\n+/).map((t) => html`<p class="indent">${t}</p>`)}` : ''}
</main>
</body></html>`;
}
