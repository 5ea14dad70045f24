// What the structure layer could not find for a document: its region (nothing of it can be stored
// against a place), its date, its type (numbers are read as targets or actuals by it). Placed at the
// document's first line.
import type { DocumentRecord, Message } from '../model/records.js';

type Meta = Pick<DocumentRecord, 'file' | 'lines' | 'region' | 'date' | 'type'>;

export function metadataMessages(r: Meta): Message[] {
  const at = { file: r.file, line: r.lines[0] };
  const out: Message[] = [];
  if (!r.region) out.push({ rule: 'document-region', severity: 'warning', text: 'no region found: its records cannot be stored against a place (未识别地区)', ...at });
  if (!r.date) out.push({ rule: 'document-date', severity: 'warning', text: 'no date found (未识别成文日期)', ...at });
  if (!r.type) out.push({ rule: 'document-type', severity: 'info', text: 'no document type found: numbers are read as targets or actuals by their words only (未识别文种)', ...at });
  return out;
}

/** Messages in the order of their place (file-level messages, without a line, first). */
export function byPlace(messages: Message[]): Message[] {
  return messages
    .map((m, k) => ({ m, k }))
    .sort((a, b) => (a.m.line ?? 0) - (b.m.line ?? 0) || (a.m.column ?? 0) - (b.m.column ?? 0) || a.k - b.k)
    .map((x) => x.m);
}
