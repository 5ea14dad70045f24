// A readable summary of one document for `lantu extract FILE`.
import type { DocumentRecord, Section } from '../model/records.js';

const MAX_DEPTH = 3;
const MAX_MESSAGES = 10;

/** What could not be done, first MAX_MESSAGES of them with their place and rule. */
function messages(d: DocumentRecord): string[] {
  const list = d.messages ?? [];
  if (!list.length) return [];
  const shown = list.slice(0, MAX_MESSAGES).map((m) => `    ${m.line ? `第${m.line}行${m.column ? `${m.column}列` : ''} ` : ''}[${m.rule}] ${m.text}`);
  return [`  未能处理：${list.length} 条`, ...shown, ...(list.length > MAX_MESSAGES ? [`    …（其余 ${list.length - MAX_MESSAGES} 条见 --json 的 messages）`] : [])];
}

function outline(sections: Section[], depth = 0): string[] {
  if (depth >= MAX_DEPTH) return [];
  return sections.flatMap((s) => {
    const leads = s.children.filter((c) => c.kind === 'lead').length;
    const line = `${'  '.repeat(depth + 1)}${s.ordinal ?? ''}${s.ordinal ? ' ' : ''}${s.title}  [${s.lines[0]}–${s.lines[1]}]${s.part ? ` (${s.part})` : ''}${leads ? ` · ${leads} heads` : ''}`;
    return [line, ...outline(s.children.filter((c) => c.kind !== 'lead'), depth + 1)];
  });
}

export function summarize(d: DocumentRecord): string {
  const fields: Array<[string, string | undefined]> = [
    ['文种', d.type],
    ['发文字号', d.docNumber],
    ['发文机关', d.issuer],
    ['成文日期', d.date],
    ['地区', d.region && `${d.region}${d.regionCode ? ` ${d.regionCode}` : ''}${d.level ? ` (${d.level})` : ''}`],
    ['主送', d.addressees?.join('、')],
    ['审议', d.meeting],
    ['附件', d.attachments.map((a) => `${a.label}${a.title ? ` ${a.title}` : ''}`).join('；') || undefined],
  ];
  const head = `${d.file} 第${d.lines[0]}–${d.lines[1]}行  《${d.title}》`;
  const meta = fields.filter(([, v]) => v).map(([k, v]) => `  ${k}：${v}`);
  const tables = d.tables.map((t) => `  ${t.label} ${t.title}：${t.kind === 'grid' ? `${t.grid?.length ?? 0} 行` : `${t.rows.length} 项指标`}`);
  const facts = d.facts ?? [];
  const counts = [
    facts.length ? `  量化事实：${facts.length} 条（实际 ${facts.filter((f) => f.modality === 'actual').length}，目标 ${facts.filter((f) => f.modality === 'target').length}）` : '',
    d.tasks?.length ? `  任务：${d.tasks.length} 项（已落实责任单位 ${d.tasks.filter((t) => (t.lead?.length ?? 0) + (t.units?.length ?? 0) > 0).length}）` : '',
    d.projects?.length ? `  重点项目：${d.projects.length} 组，${d.projects.reduce((n, p) => n + p.parts.length, 0)} 个项目` : '',
  ].filter(Boolean);
  return [head, ...meta, '  提纲：', ...outline(d.sections), ...(tables.length ? ['  表格：', ...tables] : []), ...counts, ...messages(d), ''].join('\n') + '\n';
}
