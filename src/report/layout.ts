// The report as a sequence of blocks (headings, paragraphs, tables, the chart, the signature and the
// attachment), shared by the DOCX, HTML and Markdown renderers so that they say the same thing in the
// same order. The order is that of an evaluation report: 总体评价, 主要指标完成情况, 重点任务进展,
// 重大工程项目进展, 存在问题, 下一步建议, then the issuing unit and date, and the sources as 附件.
import { percent } from './advice.js';
import { statusBars } from './chart.js';
import type { ReportData, Said } from './data.js';
import { verdictOf } from './form.js';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; text: string; note?: boolean }
  | { kind: 'item'; head: string; lines: string[] }
  | { kind: 'table'; caption?: string; head: string[]; rows: string[][]; numeric?: number[]; nowrap?: number[] }
  | { kind: 'chart' }
  /** 发文机关署名 and 成文日期, right-aligned at the end of the body. */
  | { kind: 'signature'; issuer: string; date: string }
  /** The attachment starts a new page with 附件 in its top-left corner. */
  | { kind: 'attachment'; label: string; title: string };

export const INDICATOR_HEAD = ['序号', '指标', '单位', '属性', '基期', '目标', '实际', '评价', '说明'];
/** Columns of the indicator table that must stay on one line: numbers and verdicts. */
export const INDICATOR_NOWRAP = [0, 2, 3, 4, 5, 6, 7];
export const SOURCES_TITLE = '主要指标数据来源';

const SAID_STATUS: Record<string, string> = { approved: '已审核', submitted: '待审核' };
const saidLine = (s: Said) => `${s.unit}（${s.period}，${SAID_STATUS[s.status] ?? s.status}）：${s.text}`;
const ZH_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every cell has text (— when empty), so that a table read back as text keeps its columns. */
export function reportBlocks(d: ReportData): Block[] {
  const b: Block[] = [{ kind: 'title', text: d.title }];
  for (const s of d.scope) b.push({ kind: 'para', text: s });
  let h = 0;
  const section = (text: string) => b.push({ kind: 'heading', level: 1, text: `${ZH_NO[h++]}、${text}` });

  section('总体评价');
  if (d.judgeable.ok) for (const p of d.overall) b.push({ kind: 'para', text: p });
  else b.push({ kind: 'para', text: d.judgeable.why });

  section('主要指标完成情况');
  b.push({ kind: 'chart' });
  b.push({
    kind: 'table',
    caption: '表 1 指标评价结果分布',
    head: ['状态', '项数', '占比'],
    rows: [...statusBars(d.counts).map((x) => [x.label, String(x.count), percent(x.count, d.counts.total)]), ['合计', String(d.counts.total), d.counts.total ? '100%' : '—']],
    numeric: [1, 2],
    nowrap: [0, 1, 2],
  });
  if (!d.groups.length) b.push({ kind: 'para', text: '没有纳入监测的指标目标。' });
  d.groups.forEach((g, i) => {
    b.push({ kind: 'heading', level: 2, text: `（${ZH_NO[i] ?? i + 1}）${g.title}` });
    b.push({
      kind: 'table',
      caption: `表 2-${i + 1} ${g.title}`,
      head: INDICATOR_HEAD,
      rows: g.rows.map((r) => [String(r.no), r.indicator, r.unit || '—', r.attribute ?? '—', r.baseline ?? '—', r.target, r.actual ?? '—', verdictOf(r.status), r.reason]),
      numeric: [0],
      nowrap: INDICATOR_NOWRAP,
    });
  });
  b.push({ kind: 'para', text: '注：带 * 的实际值为预计数；括号内为实际值所属年份。各数值的出处见附件。', note: true });

  section('重点任务进展');
  if (!d.departments.length) b.push({ kind: 'para', text: '报告期内没有纳入的任务。' });
  else {
    b.push({ kind: 'para', text: '完成率 = 已有审核通过进展的任务数 ÷ 任务数；一项任务有多个责任单位的，分别计入各单位。' });
    b.push({ kind: 'heading', level: 2, text: '（一）按规划章节' });
    b.push({ kind: 'table', caption: '表 3 各章节重点任务推进情况', head: ['章节', '任务数', '已有进展', '逾期'], rows: d.chapters.map((c) => [c.chapter, String(c.tasks), String(c.approved), String(c.overdue)]), numeric: [1, 2, 3], nowrap: [1, 2, 3] });
    b.push({ kind: 'heading', level: 2, text: '（二）按责任单位' });
    b.push({
      kind: 'table',
      caption: '表 4 各责任单位任务推进情况',
      head: ['责任单位', '任务数', '审核通过', '完成率', '最新进展'],
      rows: d.departments.map((x) => [x.unit, String(x.tasks), String(x.approved), percent(x.approved, x.tasks), x.latest ? `${x.latest.text}（${x.latest.task}；${x.latest.period}，${SAID_STATUS[x.latest.status] ?? x.latest.status}）` : '尚未报送']),
      numeric: [1, 2, 3],
      nowrap: [1, 2, 3],
    });
  }

  section('重大工程项目进展');
  if (!d.projects.length) b.push({ kind: 'para', text: '报告期内的文件没有提及重大工程项目。' });
  else {
    const done = d.projects.filter((p) => p.reported).length;
    b.push({ kind: 'para', text: `报告期内的文件提及重大工程项目 ${d.projects.length} 个，其中 ${done} 个有实施进展的记载，其余为规划或计划安排。` });
    b.push({ kind: 'table', caption: '表 5 重大工程项目进展', head: ['序号', '项目', '规模', '进展', '出处'], rows: d.projects.map((p, i) => [String(i + 1), p.name, p.capacity ?? '—', p.progress, p.cite]), numeric: [0], nowrap: [0, 2] });
  }

  section('存在问题');
  for (const p of d.findings.problems) b.push({ kind: 'para', text: p });
  d.lagging.forEach((x, i) =>
    b.push({
      kind: 'item',
      head: `${i + 1}. ${x.name}（${x.kind}，${x.status}）`,
      lines: [`情况：${x.reason}`, ...(x.said.length ? x.said.map((s) => `部门说明：${saidLine(s)}`) : ['部门说明：责任单位尚未报送原因。'])],
    }),
  );

  section('下一步建议');
  for (const p of d.findings.suggestions) b.push({ kind: 'para', text: p });

  b.push({ kind: 'para', text: `附件：${SOURCES_TITLE}` });
  b.push({ kind: 'signature', issuer: d.issuer, date: d.date });
  b.push({ kind: 'attachment', label: '附件', title: SOURCES_TITLE });
  b.push({ kind: 'table', head: ['指标', '项目', '数值', '出处'], rows: d.sources.map((s) => [s.ref, s.item, s.figure, s.cite]), nowrap: [0, 2] });
  return b;
}
