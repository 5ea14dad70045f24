// DOCX reading via mammoth: HTML (keeps tables) → lines.
import mammoth from 'mammoth';
import { htmlToLines } from './html-lines.js';

/** A reason for a ReadError, raised by the DOCX reader. */
export class DocxReadFailure extends Error {}

export async function readDocx(data: Uint8Array): Promise<string> {
  let html: string;
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Images are dropped: only the text matters here, and data URIs would bloat the HTML.
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new DocxReadFailure(`corrupt DOCX: ${msg} (DOCX 文件损坏)`);
  }
  return htmlToLines(html).join('\n');
}
