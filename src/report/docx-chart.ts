// The status chart of the DOCX report as a horizontal bar chart drawn with table cells: a row per
// status with its label, a shaded bar as long as its share of the largest count, and the count. Word
// and LibreOffice draw it alike, with no image and no renderer.
import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { Counts } from './advice.js';
import { statusBars } from './chart.js';
import { FORM } from './form.js';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };
const LABEL = 1500;
const COUNT = 900;

const text = (t: string, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment: align, spacing: { line: 240 }, children: [new TextRun({ text: t, size: Math.round(FORM.sizes.table * 2) })] });

/** Steps of a bar's length: bars span whole columns of one grid, as Word and LibreOffice expect. */
const STEPS = 40;

export function statusChartTable(c: Counts, width: number): Table {
  const bars = statusBars(c);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = Math.floor((width - LABEL - COUNT) / STEPS);
  const grid = [LABEL, ...Array<number>(STEPS).fill(step), width - LABEL - STEPS * step];
  const span = (n: number, fill?: string, t = '') =>
    new TableCell({ borders: noBorders, columnSpan: n, width: { size: n * step, type: WidthType.DXA }, shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined, children: [text(t, AlignmentType.LEFT)] });
  const rows = bars.map((b) => {
    const k = b.count ? Math.max(1, Math.round((STEPS * b.count) / max)) : 0;
    const cells = [new TableCell({ borders: noBorders, width: { size: LABEL, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [text(`${b.label} `, AlignmentType.RIGHT)] })];
    if (k) cells.push(span(k, b.color.slice(1).toUpperCase()));
    if (k < STEPS) cells.push(span(STEPS - k));
    cells.push(new TableCell({ borders: noBorders, width: { size: grid[grid.length - 1], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [text(` ${b.count} 项`, AlignmentType.LEFT)] }));
    return new TableRow({ cantSplit: true, children: cells });
  });
  const clear = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };
  return new Table({ rows, width: { size: width, type: WidthType.DXA }, columnWidths: grid, layout: TableLayoutType.FIXED, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: clear, insideVertical: none } });
}
