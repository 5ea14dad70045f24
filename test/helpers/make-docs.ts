// Fixture generators shared by tests: PDF (pdfkit), DOCX (docx), GBK text (iconv-lite), plain ZIP.
import fs from 'node:fs';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import iconv from 'iconv-lite';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** A CJK font for pdfkit (Debian/Ubuntu package fonts-wqy-zenhei). */
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
// pdfkit (fontkit) picks a font out of a TTC collection by its PostScript name.
export const CJK_FONT_FAMILY = 'WenQuanYiZenHei';
export const CJK_FONT_MISSING = `CJK font ${CJK_FONT} absent (apt-get install fonts-wqy-zenhei)`;
export const cjkFontAvailable = (): boolean => fs.existsSync(CJK_FONT);

/** Page break marker for makePdf. */
export const PAGE_BREAK = '\f';

/**
 * A text PDF. Each string is one line; a line equal to PAGE_BREAK starts a new page;
 * a line with TABs is drawn as table cells at separate x positions (cellWidth apart).
 */
export async function makePdf(lines: string[], path: string, opts: { fontSize?: number; cellWidth?: number } = {}): Promise<void> {
  if (!cjkFontAvailable()) throw new Error(CJK_FONT_MISSING);
  const size = opts.fontSize ?? 14;
  const cellWidth = opts.cellWidth ?? 150;
  await writePdf(path, (doc) => {
    doc.font(CJK_FONT, CJK_FONT_FAMILY).fontSize(size);
    let y = 72;
    for (const line of lines) {
      if (line === PAGE_BREAK) {
        doc.addPage();
        y = 72;
        continue;
      }
      line.split('\t').forEach((cell, i) => {
        doc.text(cell, 72 + i * cellWidth, y, { lineBreak: false });
      });
      y += size * 1.8;
    }
  });
}

/** A "scanned" PDF: pages with graphics only, no text layer. */
export async function makeScannedPdf(path: string, pages = 1): Promise<void> {
  await writePdf(path, (doc) => {
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.rect(72, 72, 300, 200).fill('#888888');
    }
  });
}

function writePdf(path: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, compress: true, info: { CreationDate: new Date(0) } });
    const out = fs.createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
    draw(doc);
    doc.end();
  });
}

/** DOCX content: a plain paragraph, a heading, a paragraph of runs (some bold), or a table. */
export type DocxBlock =
  | string
  | { heading: string; level?: 1 | 2 | 3 }
  | { runs: Array<string | { bold: string }> }
  | { table: string[][] };

export async function makeDocx(blocks: DocxBlock[], path: string): Promise<void> {
  const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children: Array<Paragraph | Table> = blocks.map((b) => {
    if (typeof b === 'string') return new Paragraph({ children: [new TextRun(b)] });
    if ('heading' in b) {
      return new Paragraph({ heading: HEADINGS[(b.level ?? 1) - 1], alignment: AlignmentType.CENTER, children: [new TextRun(b.heading)] });
    }
    if ('runs' in b) {
      return new Paragraph({
        children: b.runs.map((r) => (typeof r === 'string' ? new TextRun(r) : new TextRun({ text: r.bold, bold: true }))),
      });
    }
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.table.map(
        (row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
      ),
    });
  });
  const doc = new Document({ sections: [{ children }] });
  fs.writeFileSync(path, await Packer.toBuffer(doc));
}

/**
 * The text in GBK (as GB18030, its superset: GBK characters get exactly the GBK bytes,
 * characters outside GBK get GB18030 four-byte codes so the copy stays lossless).
 */
export function makeGbk(text: string, path: string): void {
  fs.writeFileSync(path, iconv.encode(text, 'gb18030'));
}

/** A minimal ZIP (stored, no compression) holding the given entries. */
export function makeZip(entries: Record<string, string>, path: string): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(path, Buffer.concat([...locals, cd, end]));
}
