// DOCX reading: HTML (keeps tables) → lines, with the converter's warnings (what it could not convert:
// unknown styles, unsupported elements). A plain body is streamed (docx-plain.ts); the rest is mammoth's.
import mammoth from 'mammoth';
import { plainDocxHtml } from './docx-plain.js';
import { htmlToLines } from './html-lines.js';

/** A reason for a ReadError, raised by the DOCX reader. */
export class DocxReadFailure extends Error {}

export interface DocxText {
  text: string;
  /** mammoth's messages: what the conversion dropped or could not map. */
  warnings: Array<{ type: 'warning' | 'error'; message: string }>;
}

export async function readDocx(data: Uint8Array): Promise<DocxText> {
  let html: string;
  let warnings: DocxText['warnings'];
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const plain = await plainDocxHtml(buffer);
    if (plain !== undefined) return { text: htmlToLines(plain).join('\n'), warnings: [] };
    // Images are dropped: only the text matters here, and data URIs would bloat the HTML.
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
    warnings = result.messages.map((m) => ({ type: m.type === 'error' ? 'error' : 'warning', message: m.message }));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new DocxReadFailure(`corrupt DOCX: ${msg} (DOCX 文件损坏)`);
  }
  return { text: htmlToLines(html).join('\n'), warnings };
}
