// The messages of a document — what reading, structure and extraction could not do — as a table whose
// places link to their source lines, most severe first.
import type { Message } from '../../model/records.js';
import { html, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import { dataTable, sourceLink } from './common.js';

const SEVERITY: Record<Message['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Message['severity'], number> = { error: 0, warning: 1, info: 2 };

export function messageList(documentId: string, messages: Message[], lang: Lang = 'zh'): SafeHtml {
  if (!messages.length) return html``;
  const sorted = [...messages].sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  return html`<h2 id="messages">${tf('未能处理之处（{n} 条）', lang, { n: messages.length })}</h2>
${dataTable(
  '读取、结构化和提取时未能完成的内容',
  ['位置', '级别', '规则', '说明'],
  sorted.map((m) => [
    m.line ? sourceLink(documentId, m.line, m.column ? tf('第{line}行第{column}列', lang, { line: m.line, column: m.column }) : tf('第{n}行', lang, { n: m.line })) : zhPart(m.file, lang),
    t(SEVERITY[m.severity] ?? m.severity, lang),
    html`<code>${m.rule}</code>`,
    zhPart(m.text, lang),
  ]),
  '暂无记录',
  lang,
)}`;
}
