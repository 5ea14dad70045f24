// The status distribution chart: a bar per status with its count, drawn by Apache ECharts on the
// server (SVG, no browser, no native dependency) for the HTML report. Only fixed labels and numbers
// reach the chart, and ECharts escapes its text.
import * as echarts from 'echarts';
import { STATUS_LABEL } from '../monitor/labels.js';
import { STATUS_ORDER, type Counts } from './advice.js';

export const STATUS_COLOR: Record<string, string> = {
  achieved: '#2e7d32',
  on_track: '#1565c0',
  at_risk: '#ef6c00',
  off_track: '#c62828',
  missed: '#8e0000',
  not_assessable: '#6d4c41',
  no_data: '#9e9e9e',
};

/** The bars of the chart: status label, count, colour. */
export function statusBars(c: Counts): Array<{ status: string; label: string; count: number; color: string }> {
  return STATUS_ORDER.map((s) => ({ status: s, label: STATUS_LABEL[s], count: c.by[s], color: STATUS_COLOR[s] }));
}

/** The chart as an inline SVG document. */
export function statusChartSvg(c: Counts, width = 640, height = 320): string {
  const bars = statusBars(c);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: `指标状态分布：${bars.map((b) => `${b.label} ${b.count} 项`).join('，')}` } },
      textStyle: { fontFamily: 'SimSun, "Songti SC", "Noto Serif CJK SC", serif' },
      title: { text: '指标状态分布（项）', left: 'center', textStyle: { fontSize: 15 } },
      grid: { left: 48, right: 24, top: 48, bottom: 40 },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 56, label: { show: true, position: 'top' }, data: bars.map((b) => ({ value: b.count, itemStyle: { color: b.color } })) }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
