// How a report cites a document and a line: by region, year and title (格尔木市2025年《政府工作报告》
// 第 12 行), never by the file it was stored from, whose name may be a hash. Text from the engine that
// names `file:line` (conflicting statements) is rewritten the same way.
import type { Store } from '../store/db.js';
import { workReportYear } from './scope.js';

export interface Citer {
  /** 格尔木市2025年《政府工作报告》 */
  document(id: string): string;
  /** The document holding this line of the file, with the line: …《…》第 12 行. */
  line(file: string, line: number | null, documentId?: string | null): string;
  /** `a.txt:12` in a text replaced by its citation. */
  text(s: string): string;
}

export async function citer(store: Store): Promise<Citer> {
  const docs = await store.selectFrom('documents').select(['id', 'file', 'title', 'type', 'region', 'date', 'line_first', 'line_last']).orderBy('file').orderBy('seq').execute();
  const years = new Map<string, number[]>();
  for (const t of await store.selectFrom('targets').select(['document_id', 'year']).execute()) if (t.document_id) years.set(t.document_id, [...(years.get(t.document_id) ?? []), t.year]);
  const names = new Map<string, string>();
  for (const d of docs) {
    const y = d.date ? Number(d.date.slice(0, 4)) : d.type === '政府工作报告' ? workReportYear(d, years.get(d.id) ?? []) : undefined;
    const region = d.region && !d.title.includes(d.region) ? d.region : '';
    const year = y && !d.title.includes(String(y)) ? `${y}年` : '';
    names.set(d.id, `${region}${year}《${d.title}》`);
  }
  const document = (id: string) => names.get(id) ?? '（未找到来源文件）';
  const inFile = (file: string, line: number | null) =>
    docs.find((d) => d.file === file && line !== null && line >= d.line_first && line <= d.line_last) ?? docs.find((d) => d.file === file);
  const line = (file: string, n: number | null, documentId?: string | null) => {
    const d = documentId ? docs.find((x) => x.id === documentId) : inFile(file, n);
    const where = n === null ? '' : `第 ${n} 行`;
    return d ? `${document(d.id)}${where}` : `（未找到来源记录）${where}`;
  };
  const files = [...new Set(docs.map((d) => d.file))].sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = files.length ? new RegExp(`(${files.map(escape).join('|')})(?::(\\d+))?`, 'g') : null;
  const text = (s: string) => (pattern ? s.replace(pattern, (_, f: string, n?: string) => line(f, n ? Number(n) : null)) : s);
  return { document, line, text };
}
