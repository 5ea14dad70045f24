// Indicator charts: the series of one indicator in one region (baseline, actuals, estimates, the
// straight path from the baseline to each target, the targets), sent to the page as JSON and drawn by
// Apache ECharts in the browser (CHART_JS, served as /assets/lantu-chart.js: the CSP forbids inline
// scripts). The same series make the table that is the chart's accessible alternative.

export type SeriesKind = 'baseline' | 'actual' | 'estimate' | 'path' | 'target';

export interface ChartPoint {
  x: number; // the year
  y: number;
  /** The source line of the figure; absent for computed points (the path). */
  href?: string;
}

export interface ChartSeries {
  name: string;
  kind: SeriesKind;
  points: ChartPoint[];
}

export interface LineChart {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** The name of the year axis in the page's language (年份 when absent). */
  xName?: string;
}

export interface ChartTarget {
  year: number;
  value: number;
  baselineYear: number | null;
  baselineValue: number | null;
  href?: string;
}

export interface ChartActual {
  year: number;
  value: number;
  vintage: string;
  href?: string;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const VINTAGE_ORDER = ['revised', 'manual', 'first', 'estimate'];

/** The chart of one region: one value per year (the most final vintage), paths interpolated year by year. */
export function indicatorChart(title: string, unit: string, targets: ChartTarget[], actuals: ChartActual[]): LineChart {
  const best = new Map<number, ChartActual>();
  for (const a of actuals) {
    const have = best.get(a.year);
    if (!have || VINTAGE_ORDER.indexOf(a.vintage) < VINTAGE_ORDER.indexOf(have.vintage)) best.set(a.year, a);
  }
  const byYear = [...best.values()].sort((a, b) => a.year - b.year);
  const point = (a: ChartActual): ChartPoint => ({ x: a.year, y: a.value, href: a.href });
  const series: ChartSeries[] = [];
  const seen = new Set<string>();
  const distinct = targets.filter((t) => !seen.has(`${t.year}|${t.value}`) && !!seen.add(`${t.year}|${t.value}`)).sort((a, b) => a.year - b.year);
  const baselines = new Map<number, ChartPoint>();
  for (const t of distinct) if (t.baselineYear !== null && t.baselineValue !== null) baselines.set(t.baselineYear, { x: t.baselineYear, y: t.baselineValue, href: t.href });
  if (baselines.size) series.push({ name: '基期值', kind: 'baseline', points: [...baselines.values()].sort((a, b) => a.x - b.x) });
  const firm = byYear.filter((a) => a.vintage !== 'estimate');
  if (firm.length) series.push({ name: '实际值', kind: 'actual', points: firm.map(point) });
  const est = byYear.filter((a) => a.vintage === 'estimate');
  if (est.length) series.push({ name: '预计数', kind: 'estimate', points: est.map(point) });
  for (const t of distinct) {
    const from = t.baselineYear !== null && t.baselineValue !== null ? { year: t.baselineYear, value: t.baselineValue } : undefined;
    if (!from || from.year >= t.year) continue;
    const points: ChartPoint[] = [];
    for (let y = from.year; y <= t.year; y++) points.push({ x: y, y: round(from.value + ((t.value - from.value) * (y - from.year)) / (t.year - from.year)) });
    series.push({ name: `${t.year}年目标路径`, kind: 'path', points });
  }
  if (distinct.length) series.push({ name: '目标值', kind: 'target', points: distinct.map((t) => ({ x: t.year, y: t.value, href: t.href })) });
  return { title, unit, series };
}

/** The chart's rows for the table: one per year, one cell per series (a series may have two points in a year). */
export function chartRows(chart: LineChart): Array<{ year: number; cells: ChartPoint[][] }> {
  const years = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  return years.map((year) => ({ year, cells: chart.series.map((s) => s.points.filter((p) => p.x === year)) }));
}

/** The browser script: draws every element with data-chart="ID" from the JSON in <script id="ID">. */
export const CHART_JS = `'use strict';
(function () {
  var STYLE = {
    baseline: { type: 'scatter', symbol: 'diamond', symbolSize: 12, color: '#4a4a4a', z: 3 },
    actual: { type: 'line', symbol: 'circle', symbolSize: 8, color: '#0b5cad', z: 4, lineStyle: { width: 3 } },
    estimate: { type: 'line', symbol: 'emptyCircle', symbolSize: 9, color: '#8a5300', z: 4, lineStyle: { type: 'dotted', width: 2 } },
    path: { type: 'line', symbol: 'none', color: '#6b6b6b', z: 1, lineStyle: { type: 'dashed', width: 2 } },
    target: { type: 'scatter', symbol: 'triangle', symbolSize: 14, color: '#b00020', z: 2 }
  };
  function draw(el) {
    var src = document.getElementById(el.getAttribute('data-chart'));
    if (!src || !window.echarts) return;
    var d = JSON.parse(src.textContent || '{}');
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      title: { text: d.title, left: 'center', textStyle: { fontSize: 15 } },
      tooltip: { trigger: 'item', valueFormatter: function (v) { return v + (d.unit || ''); } },
      legend: { bottom: 0 },
      grid: { left: 56, right: 24, top: 48, bottom: 56 },
      xAxis: { type: 'value', name: d.xName || '年份', minInterval: 1, scale: true, axisLabel: { formatter: function (v) { return String(v); } } },
      yAxis: { type: 'value', name: d.unit || '', scale: true },
      series: (d.series || []).map(function (s) {
        var st = STYLE[s.kind] || STYLE.actual;
        return Object.assign({ name: s.name, data: s.points.map(function (p) { return [p.x, p.y]; }) }, st, { itemStyle: { color: st.color }, lineStyle: Object.assign({ color: st.color }, st.lineStyle || {}) });
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
`;
