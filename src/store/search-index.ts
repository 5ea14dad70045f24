// The lines search reads (table search_lines, 010_search): every non-blank line of each stored document,
// with its 1-based line in the original text, written with the document — at ingest (storeFile), at
// restore and by the migration for documents stored before it — from its source's text split once per
// file (a bundle of a thousand documents is one split, not a thousand), or cut by the file's line index. Deleted with the document.
import type { Store } from './db.js';
import { insertAll } from './insert.js';

/** Blank: nothing but spaces, tabs, carriage returns and ideographic spaces. */
const BLANK = /^[ \t\r\u3000]*$/;

export interface DocumentSpan {
  id: string;
  line_first: number;
  line_last: number;
}

/**
 * The non-blank lines of each document of a text, a trailing carriage return dropped. `starts`: where
 * each line of the text begins (LineIndex.starts), when the caller has them: then only the documents'
 * lines are cut from the text, not all of it.
 */
export function documentLines(text: string, docs: readonly DocumentSpan[], starts?: ArrayLike<number>): Array<{ document_id: string; line: number; text: string }> {
  const lines = starts ? undefined : text.split('\n');
  const count = starts ? starts.length : lines!.length;
  const line = (n: number) => (lines ? lines[n - 1] : text.slice(starts![n - 1], n < count ? starts![n] - 1 : text.length));
  const out: Array<{ document_id: string; line: number; text: string }> = [];
  for (const d of docs)
    for (let n = Math.max(1, d.line_first); n <= Math.min(d.line_last, count); n++) {
      const t = line(n);
      if (!BLANK.test(t)) out.push({ document_id: d.id, line: n, text: t.replace(/\r+$/, '') });
    }
  return out;
}

/** Where each line of a text begins (as LineIndex.starts): for documentLines, without splitting the text. */
export function lineStarts(text: string): Int32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  for (let i = text.indexOf('\n'), k = 1; i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** Writes the search lines of these documents of one text (`db`: the store or the writer's transaction). */
export async function indexLines(db: Store, text: string, docs: readonly DocumentSpan[], starts?: ArrayLike<number>): Promise<void> {
  if (docs.length) await insertAll(db, 'search_lines', documentLines(text, docs, starts));
}

/** Writes the search lines of every stored document that has none, one source at a time. */
export async function indexStoredLines(db: Store): Promise<void> {
  const sources = await db.selectFrom('sources').select('content_hash').execute();
  for (const { content_hash } of sources) {
    const docs = await db
      .selectFrom('documents')
      .select(['id', 'line_first', 'line_last'])
      .where('content_hash', '=', content_hash)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('search_lines').select('id').whereRef('search_lines.document_id', '=', 'documents.id'))))
      .execute();
    if (!docs.length) continue;
    const { text } = await db.selectFrom('sources').select('text').where('content_hash', '=', content_hash).executeTakeFirstOrThrow();
    await indexLines(db, text, docs);
  }
}
