// The reading layer: a file path in, a SourceText out (txt, docx or pdf, sniffed by content).
import { readFile } from 'node:fs/promises';
import type { SourceText } from '../model/records.js';
import { decodeText, DecodeError } from './encoding.js';
import { sniff } from './detect.js';
import { readPdf, PdfReadFailure } from './pdf.js';
import { readDocx, DocxReadFailure } from './docx.js';
import { docxMessages, undecodedMessages } from './messages.js';
import { pathText, type FilePath } from './file-names.js';

export { decodeText } from './encoding.js';
export { textFingerprint } from './fingerprint.js';
export { listDirectory, pathText, resolveNamed, type FilePath } from './file-names.js';

export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}

const EMPTY = 'empty file (空文件)';

/** `at`: the path, or the bytes of a path that is not valid UTF-8 (the records name it decoded: pathText). */
export async function readSource(at: FilePath): Promise<SourceText> {
  const path = pathText(at);
  const buf = await readBytes(at, path);
  if (buf.length === 0) throw new ReadError(path, EMPTY);
  const kind = sniff(buf);
  try {
    switch (kind.kind) {
      case 'pdf': {
        const { text, pageStarts } = await readPdf(buf);
        return { file: path, format: 'pdf', text, pageStarts };
      }
      case 'docx': {
        const { text, warnings } = await readDocx(buf);
        if (text.trim() === '') throw new ReadError(path, `${EMPTY}; the document has no text`);
        return { file: path, format: 'docx', text, messages: docxMessages(path, warnings) };
      }
      case 'unknown':
        throw new ReadError(path, `unknown format: ${kind.what} (无法识别的格式)`);
      case 'text': {
        const { text, encoding } = decodeText(buf);
        if (text.trim() === '') throw new ReadError(path, EMPTY);
        return { file: path, format: 'txt', encoding, text, messages: undecodedMessages(path, text) };
      }
    }
  } catch (err) {
    if (err instanceof DecodeError || err instanceof PdfReadFailure || err instanceof DocxReadFailure) {
      throw new ReadError(path, err.message);
    }
    throw err;
  }
}

async function readBytes(at: FilePath, path: string): Promise<Buffer> {
  try {
    return await readFile(at);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadError(path, 'file not found (文件不存在)');
    if (code === 'EISDIR') throw new ReadError(path, 'is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError(path, 'permission denied');
    throw new ReadError(path, `cannot read file: ${(err as Error).message}`);
  }
}
