// The report as a Word document (docx package): real headings (Title, Heading 1/2) in 黑体, body text in
// 宋体, tables with repeated header rows, page numbers in the footer. The chart is given as the status
// table (表 1) that follows it: the numbers a chart would show, without a native renderer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { ReportData } from './data.js';
import { INDICATOR_HEAD, reportBlocks, type Block } from './layout.js';

export const BODY_FONT: IFontAttributesProperties = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
export const HEADING_FONT: IFontAttributesProperties = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };

const PAGE_WIDTH = 11906; // A4, twips
const MARGIN = 1134; // 2 cm
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Column shares of the indicator table (序号 指标 单位 属性 目标 实际 状态 说明). */
const INDICATOR_SHARES = [5, 17, 7, 7, 11, 12, 9, 32];

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, opts: { header?: boolean; numeric?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    borders,
    width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF2' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.header ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, size: 18, bold: opts.header, font: opts.header ? HEADING_FONT : BODY_FONT })],
      }),
    ],
  });
}

function table(t: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const widths = t.head.join() === INDICATOR_HEAD.join() ? INDICATOR_SHARES.map((s) => Math.round((TEXT_WIDTH * s) / 100)) : undefined;
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((h, i) => cell(h, { header: true, width: widths?.[i] })) }),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { numeric: t.numeric?.includes(i), width: widths?.[i] })) })),
  ];
  const out: Array<Paragraph | Table> = [];
  if (t.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: t.caption, bold: true, size: 21, font: HEADING_FONT })] }));
  out.push(new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

const para = (text: string, opts: { indent?: boolean; note?: boolean; bold?: boolean; center?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 80, line: 360 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.note ? 21 : undefined, color: opts.note ? '555555' : undefined })],
  });

function blocks(d: ReportData): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of reportBlocks(d)) {
    if (b.kind === 'title') out.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] }));
    else if (b.kind === 'heading') out.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
    else if (b.kind === 'para') out.push(para(b.text, { indent: !b.note, note: b.note, center: b.note && out.length === 1 }));
    else if (b.kind === 'item') out.push(para(b.head, { bold: true }), ...b.lines.map((l) => para(l, { indent: true })));
    else if (b.kind === 'table') out.push(...table(b));
    // the chart: the status table (表 1) right after it carries its numbers
  }
  return out;
}

export function reportDocument(d: ReportData): Document {
  const heading = (size: number) => ({ run: { font: HEADING_FONT, size, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });
  return new Document({
    title: d.title,
    creator: 'Lantu 规划实施监测评估系统',
    description: `${d.plan.title}（判断基准日 ${d.window.asOf}）`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 } },
        title: { run: { font: HEADING_FONT, size: 36, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        heading1: heading(32),
        heading2: heading(28),
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 18 })] })],
          }),
        },
        children: blocks(d),
      },
    ],
  });
}

export function renderDocx(d: ReportData): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(d));
}
