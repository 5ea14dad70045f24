// The messages of a document — what reading, structure and extraction could not do — as a table whose
// places link to their source lines, most severe first.
import type { Message } from '../../model/records.js';
import { html, type SafeHtml } from '../html.js';
import { dataTable, sourceLink } from './common.js';

const SEVERITY: Record<Message['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Message['severity'], number> = { error: 0, warning: 1, info: 2 };

export function messageList(documentId: string, messages: Message[]): SafeHtml {
  if (!messages.length) return html``;
  const sorted = [...messages].sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  return html`<h2 id="messages">未能处理之处（${messages.length} 条）</h2>
${dataTable(
  '读取、结构化和提取时未能完成的内容',
  ['位置', '级别', '规则', '说明'],
  sorted.map((m) => [
    m.line ? sourceLink(documentId, m.line, `第${m.line}行${m.column ? `第${m.column}列` : ''}`) : m.file,
    SEVERITY[m.severity] ?? m.severity,
    html`<code>${m.rule}</code>`,
    m.text,
  ]),
)}`;
}
