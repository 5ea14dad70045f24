// What reading could not do, as messages with a place: the DOCX converter's warnings (no place: mammoth
// does not say where), and characters an earlier conversion lost (U+FFFD in the text, at their line).
import { basename } from 'node:path';
import type { Message } from '../model/records.js';
import type { DocxText } from './docx.js';

export function docxMessages(path: string, warnings: DocxText['warnings']): Message[] {
  return warnings.map((w) => ({
    rule: 'docx-conversion',
    severity: w.type === 'error' ? 'error' : 'warning',
    text: `DOCX converter: ${w.message} (DOCX 转换提示)`,
    file: basename(path),
  }));
}

/** One message per line holding U+FFFD: a character an earlier conversion could not decode. */
export function undecodedMessages(path: string, text: string): Message[] {
  const out: Message[] = [];
  let line = 1;
  let lineStart = 0;
  let last = -1;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    for (let n = text.indexOf('\n', lineStart); n >= 0 && n < i; n = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = n + 1;
    }
    if (line === last) continue;
    last = line;
    out.push({
      rule: 'undecodable-bytes',
      severity: 'warning',
      text: 'U+FFFD replacement characters: characters lost when the text was converted before (字符已丢失)',
      file: basename(path),
      line,
      column: i - lineStart + 1,
    });
  }
  return out;
}
