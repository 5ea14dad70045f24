// PDF reading via pdfjs-dist (legacy build for Node): text layer → lines, pages separated by an empty line.
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildLines, type PlacedItem } from './pdf-lines.js';

export interface PdfText {
  text: string;
  pageStarts: number[];
}

/** A reason for a ReadError, raised by the PDF reader. */
export class PdfReadFailure extends Error {}

export const NO_TEXT_LAYER =
  'PDF has no text layer (scanned?); OCR is not supported (PDF 无文字层，可能是扫描件；不支持 OCR)';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<Pdfjs> | undefined;

async function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

export async function readPdf(data: Uint8Array): Promise<PdfText> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(data), // a private copy: pdfjs may detach it, and rejects Buffers
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new PdfReadFailure(describePdfError(err));
  }
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PlacedItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        const size = Math.hypot(m[2], m[3]) || Math.abs(item.height) || 1;
        items.push({ str: item.str, x: m[4], y: m[5], width: Math.abs(item.width), size });
      }
      pages.push(buildLines(items));
      page.cleanup();
    }
    if (pages.length === 0) throw new PdfReadFailure('PDF has no pages');
    if (pages.every((lines) => lines.length === 0)) throw new PdfReadFailure(NO_TEXT_LAYER);
    return joinPages(pages);
  } catch (err) {
    if (err instanceof PdfReadFailure) throw err;
    throw new PdfReadFailure(describePdfError(err));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Pages joined by one empty line; pageStarts holds the 1-based line on which each page begins. */
export function joinPages(pages: string[][]): PdfText {
  const pageStarts: number[] = [];
  let line = 1;
  for (const lines of pages) {
    pageStarts.push(line);
    line += Math.max(lines.length, 1) + 1; // the page's lines (an empty page is one empty line) + separator
  }
  return { text: pages.map((lines) => lines.join('\n')).join('\n\n'), pageStarts };
}

function describePdfError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return 'PDF is password-protected (PDF 已加密)';
  const msg = e?.message ?? String(err);
  return `corrupt PDF: ${msg} (PDF 文件损坏)`;
}
