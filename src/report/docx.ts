// The report as a Word document in the 公文 form (GB/T 9704): title in 方正小标宋简体 二号, body in
// 仿宋_GB2312 三号 on a 28.95 pt line, first-level headings in 黑体 and second-level in 楷体_GB2312,
// page numbers "— 1 —" (odd pages right, even pages left), no header, the issuing unit and date at the
// end, the sources as 附件 on a page of their own. Fonts are named, never embedded; each role's
// fallbacks are written into the font table (docx-fonts.ts). The chart is drawn with table cells
// (docx-chart.ts), so it needs no image renderer and shows in Word and LibreOffice alike.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { ReportData } from './data.js';
import { statusChartTable } from './docx-chart.js';
import { fontTable } from './docx-fonts.js';
import { FORM, fontOf, mmToTwips, type FontRole } from './form.js';
import { reportBlocks, type Block } from './layout.js';
import { cellLines, columnWidths } from './widths.js';

/** A role's font for East Asian text, with the Latin font for digits and letters. */
export const fontAttrs = (role: FontRole): IFontAttributesProperties => ({ ascii: fontOf('latin'), hAnsi: fontOf('latin'), eastAsia: fontOf(role), cs: fontOf('latin'), hint: 'eastAsia' });
export const BODY_FONT = fontAttrs('body');
export const HEADING_FONT = fontAttrs('heading1');

const half = (pt: number) => Math.round(pt * 2);
const PAGE_WIDTH = 11906; // A4, twips
const TEXT_WIDTH = PAGE_WIDTH - mmToTwips(FORM.margins.left) - mmToTwips(FORM.margins.right);
const LINE = Math.round(FORM.lineSpacing * 20);
const INDENT = FORM.sizes.body * 20 * 2; // two characters
const CELL_PAD = 60;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, width: number, opts: { header?: boolean; numeric?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: CELL_PAD, right: CELL_PAD },
    children: [
      new Paragraph({
        alignment: opts.header ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: cellLines(text).map((line, k) => new TextRun({ text: line, break: k ? 1 : undefined, size: half(FORM.sizes.table), font: opts.header ? HEADING_FONT : BODY_FONT })),
      }),
    ],
  });
}

const caption = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, size: half(FORM.sizes.caption), font: HEADING_FONT })] });

function table(t: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const widths = columnWidths({ head: t.head, rows: t.rows, nowrap: t.nowrap ?? [], total: TEXT_WIDTH, padding: 2 * CELL_PAD, fontPt: FORM.sizes.table });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, widths[i], { header: true })) }),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i], { numeric: t.numeric?.includes(i) })) })),
  ];
  return [
    ...(t.caption ? [caption(t.caption)] : []),
    new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }),
    new Paragraph({ spacing: { line: 240 }, children: [] }),
  ];
}

const para = (text: string, opts: { note?: boolean; indent?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: { firstLine: opts.indent ?? INDENT },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, size: opts.note ? half(FORM.sizes.caption) : undefined })],
  });

function blocks(d: ReportData): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of reportBlocks(d)) {
    if (b.kind === 'title') out.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] }), new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }));
    else if (b.kind === 'heading') out.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(b.text)] }));
    else if (b.kind === 'para') out.push(para(b.text, { note: b.note }));
    else if (b.kind === 'item') out.push(para(b.head), ...b.lines.map((l) => para(l, { note: true, indent: INDENT * 2 })));
    else if (b.kind === 'table') out.push(...table(b));
    else if (b.kind === 'chart') out.push(caption('图 1 指标评价结果分布'), statusChartTable(d.counts, TEXT_WIDTH), new Paragraph({ children: [] }));
    else if (b.kind === 'signature') {
      const right = { right: INDENT * 2 };
      out.push(new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }));
      out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun(b.issuer)] }));
      out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun(b.date)] }));
    } else if (b.kind === 'attachment') {
      out.push(new Paragraph({ children: [new PageBreak(), new TextRun({ text: b.label, font: HEADING_FONT })], spacing: { line: LINE, lineRule: LineRuleType.EXACT } }));
      out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: b.title, font: fontAttrs('title'), size: half(FORM.sizes.title) })] }));
    }
  }
  return out;
}

/** "— 1 —" in 宋体 四号: odd pages on the right, even pages on the left, one character in from the edge. */
const pageNumber = (align: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: half(FORM.sizes.footer), font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' } })],
      }),
    ],
  });

export function reportDocument(d: ReportData): Document {
  const heading = (role: FontRole, size: number) => ({ run: { font: fontAttrs(role), size: half(size), bold: false, color: '000000' }, paragraph: { indent: { firstLine: INDENT }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT } } });
  return new Document({
    title: d.title,
    creator: d.issuer,
    description: `${d.plan.title}（评价基准日 ${d.window.asOf}）`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: half(FORM.sizes.body) } },
        title: { run: { font: fontAttrs('title'), size: half(FORM.sizes.title), bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: Math.round(FORM.sizes.title * 1.5 * 20), lineRule: LineRuleType.EXACT } } },
        heading1: heading('heading1', FORM.sizes.heading1),
        heading2: heading('heading2', FORM.sizes.heading2),
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: { top: mmToTwips(FORM.margins.top), bottom: mmToTwips(FORM.margins.bottom), left: mmToTwips(FORM.margins.left), right: mmToTwips(FORM.margins.right), footer: 1000 } } },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: blocks(d),
      },
    ],
  });
}

export async function renderDocx(d: ReportData): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(d), false, [fontTable()]);
}
