// The report as a sequence of blocks (headings, paragraphs, tables, the chart), shared by the DOCX,
// HTML and Markdown renderers so that the three say the same thing in the same order.
import { STATUS_LABEL } from '../monitor/labels.js';
import { percent } from './advice.js';
import { statusBars } from './chart.js';
import type { ReportData, Said } from './data.js';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; text: string; note?: boolean }
  | { kind: 'item'; head: string; lines: string[] }
  | { kind: 'table'; caption?: string; head: string[]; rows: string[][]; numeric?: number[] }
  | { kind: 'chart' };

export const INDICATOR_HEAD = ['序号', '指标', '单位', '属性', '目标', '实际', '状态', '说明'];

const SAID_STATUS: Record<string, string> = { approved: '已审核', submitted: '待审核' };
const saidLine = (s: Said) => `${s.unit}（${s.period}，${SAID_STATUS[s.status] ?? s.status}）：${s.text}`;
const where = (s: { file: string; line: number | null }) => [s.file, s.line === null ? '—' : String(s.line)];
const ZH_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every cell has text (— when empty), so that a table read back as text keeps its columns. */
export function reportBlocks(d: ReportData): Block[] {
  const b: Block[] = [{ kind: 'title', text: d.title }];
  b.push({ kind: 'para', text: `${d.plan.region} · 判断基准日 ${d.window.asOf} · 数据来源：Lantu 规划实施监测评估系统`, note: true });
  b.push({ kind: 'heading', level: 1, text: '编制说明' });
  for (const s of d.scope) b.push({ kind: 'para', text: s });

  b.push({ kind: 'heading', level: 1, text: '一、总体评价' });
  for (const p of d.overall) b.push({ kind: 'para', text: p });
  b.push({ kind: 'chart' });
  b.push({
    kind: 'table',
    caption: '表 1 指标状态分布',
    head: ['状态', '项数', '占比'],
    rows: [...statusBars(d.counts).map((x) => [x.label, String(x.count), percent(x.count, d.counts.total)]), ['合计', String(d.counts.total), d.counts.total ? '100%' : '—']],
    numeric: [1, 2],
  });

  b.push({ kind: 'heading', level: 1, text: '二、主要指标完成情况' });
  if (!d.groups.length) b.push({ kind: 'para', text: '没有纳入监测的指标目标。' });
  d.groups.forEach((g, i) => {
    b.push({ kind: 'heading', level: 2, text: `（${ZH_NO[i] ?? i + 1}）${g.title}` });
    b.push({
      kind: 'table',
      caption: `表 2-${i + 1} ${g.title}`,
      head: INDICATOR_HEAD,
      rows: g.rows.map((r) => [String(r.no), r.indicator, r.unit || '—', r.attribute ?? '—', r.target, r.actual ?? '—', r.statusLabel, r.reason]),
      numeric: [0],
    });
  });
  b.push({ kind: 'para', text: '注：带 * 的实际值为预计数；括号内为实际值所属年份。各数值的来源文件和行号见附录。', note: true });

  b.push({ kind: 'heading', level: 1, text: '三、重点任务推进情况' });
  if (!d.departments.length) b.push({ kind: 'para', text: '报告期内没有纳入的任务。' });
  else {
    b.push({ kind: 'para', text: '完成率 = 已有审核通过进展的任务数 ÷ 任务数；一项任务有多个责任单位的，分别计入各单位。' });
    b.push({
      kind: 'table',
      caption: '表 3 各责任单位任务推进情况',
      head: ['责任单位', '任务数', '审核通过', '完成率', '最新进展'],
      rows: d.departments.map((x) => [x.unit, String(x.tasks), String(x.approved), percent(x.approved, x.tasks), x.latest ? `${x.latest.text}（${x.latest.task}；${x.latest.period}，${SAID_STATUS[x.latest.status] ?? x.latest.status}）` : '尚未报送']),
      numeric: [1, 2, 3],
    });
  }

  b.push({ kind: 'heading', level: 1, text: '四、滞后事项及原因' });
  if (!d.lagging.length) b.push({ kind: 'para', text: '没有进度滞后或存在风险的指标，也没有逾期未完成的任务。' });
  d.lagging.forEach((x, i) =>
    b.push({
      kind: 'item',
      head: `${i + 1}. 【${x.kind}·${x.status}】${x.name}`,
      lines: [`评估：${x.reason}`, ...(x.said.length ? x.said.map((s) => `部门说明：${saidLine(s)}`) : ['部门说明：责任单位尚未报送原因。'])],
    }),
  );

  b.push({ kind: 'heading', level: 1, text: '五、预警与建议' });
  if (!d.warnings.length) b.push({ kind: 'para', text: '没有需要预警的事项。' });
  d.warnings.forEach((w, i) => b.push({ kind: 'item', head: `${i + 1}. ${w.reason}`, lines: [`预警权重 ${w.weight}（${STATUS_LABEL[w.status]}${w.attribute === '约束性' ? '，约束性指标加倍' : ''}）。`, `建议：${w.recommendation}`] }));

  b.push({ kind: 'heading', level: 1, text: '附录：数据来源' });
  b.push({ kind: 'para', text: '每个目标值和实际值所在的文件及行号（行号为原文件的行）。', note: true });
  b.push({ kind: 'table', caption: '附表 数据来源', head: ['引用', '项目', '数值', '来源文件', '行号'], rows: d.sources.map((s) => [s.ref, s.item, s.figure, ...where(s.source)]), numeric: [4] });
  return b;
}
