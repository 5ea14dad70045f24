// Chinese full-text search over documents (titles and original lines), facts, tasks and projects.
// Parameterised SQL only. SQLite: the lines go into an FTS5 table with the trigram tokenizer, filled at
// first use and kept in step with the documents; terms of fewer than 3 characters (which trigrams
// cannot match) use LIKE on the same table. PostgreSQL: ILIKE over the lines of the stored text.
import { sql, type RawBuilder } from 'kysely';
import type { Project } from '../model/records.js';
import type { Store } from '../store/db.js';

export type SearchKind = 'documents' | 'lines' | 'facts' | 'tasks' | 'projects';
export const SEARCH_KINDS: SearchKind[] = ['documents', 'lines', 'facts', 'tasks', 'projects'];

export interface SearchHit {
  documentId: string;
  /** The document's title. */
  document: string;
  line: number;
  /** The text that matched (a window of a long line). */
  text: string;
  /** What the hit is: a fact's metric, a task's title, a project's name. */
  label?: string;
}

export interface SearchResults {
  terms: string[];
  groups: Record<SearchKind, SearchHit[]>;
}

/** The terms of a query: split at spaces, at most 5 of at most 40 characters. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.normalize('NFC').trim().split(/\s+/u).filter(Boolean).map((t) => [...t].slice(0, 40).join('')))].slice(0, 5);
}

const pattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const chars = (t: string) => [...t].length;

function likeAll(store: Store, cols: string[], terms: string[]): RawBuilder<boolean> {
  const op = sql.raw(store.dialect === 'postgres' ? 'ILIKE' : 'LIKE');
  const one = (t: string) => sql.join(cols.map((c) => sql`${sql.ref(c)} ${op} ${pattern(t)} ESCAPE '\\'`), sql` OR `);
  return sql<boolean>`(${sql.join(terms.map((t) => sql`(${one(t)})`), sql` AND `)})`;
}

/** A window of a long text around the first term. */
export function snippet(text: string, terms: string[], width = 60): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  if (text.length <= width * 2 || at === text.length) return text.length <= width * 2 ? text : text.slice(0, width * 2) + '…';
  const from = Math.max(0, at - width);
  return `${from > 0 ? '…' : ''}${text.slice(from, at + width)}${at + width < text.length ? '…' : ''}`;
}

const indexing = new WeakMap<Store, Promise<void>>();

/** The SQLite line index, brought in step with the documents (serialised per store). */
async function syncLineIndex(store: Store): Promise<void> {
  const prev = indexing.get(store) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(async () => {
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_lines USING fts5(document_id UNINDEXED, line UNINDEXED, text, tokenize='trigram')`.execute(store);
    await sql`CREATE TABLE IF NOT EXISTS search_indexed (document_id TEXT PRIMARY KEY)`.execute(store);
    const gone = await sql<{ document_id: string }>`SELECT document_id FROM search_indexed WHERE document_id NOT IN (SELECT id FROM documents)`.execute(store);
    const missing = await sql<{ id: string; line_first: number; line_last: number; text: string }>`
      SELECT d.id, d.line_first, d.line_last, s.text FROM documents d JOIN sources s ON s.content_hash = d.content_hash
      WHERE d.id NOT IN (SELECT document_id FROM search_indexed)`.execute(store);
    if (!gone.rows.length && !missing.rows.length) return;
    await store.transaction().execute(async (trx) => {
      for (const g of gone.rows) {
        await sql`DELETE FROM search_lines WHERE document_id = ${g.document_id}`.execute(trx);
        await sql`DELETE FROM search_indexed WHERE document_id = ${g.document_id}`.execute(trx);
      }
      for (const d of missing.rows) {
        const lines = d.text.split('\n');
        for (let n = d.line_first; n <= Math.min(d.line_last, lines.length); n++) {
          const t = lines[n - 1].replace(/\r$/, '');
          if (t.trim()) await sql`INSERT INTO search_lines (document_id, line, text) VALUES (${d.id}, ${n}, ${t})`.execute(trx);
        }
        await sql`INSERT INTO search_indexed (document_id) VALUES (${d.id})`.execute(trx);
      }
    });
  });
  indexing.set(store, next);
  return next;
}

async function searchLines(store: Store, terms: string[], limit: number): Promise<Array<{ document_id: string; line: number; text: string }>> {
  if (store.dialect === 'postgres') {
    const r = await sql<{ document_id: string; line: number; text: string }>`
      SELECT d.id AS document_id, l.n::integer AS line, l.t AS text
      FROM documents d JOIN sources s ON s.content_hash = d.content_hash
      CROSS JOIN LATERAL unnest(string_to_array(s.text, chr(10))) WITH ORDINALITY AS l(t, n)
      WHERE l.n BETWEEN d.line_first AND d.line_last AND ${likeAll(store, ['l.t'], terms)}
      ORDER BY d.file, d.seq, l.n LIMIT ${limit}`.execute(store);
    return r.rows.map((x) => ({ ...x, text: x.text.replace(/\r$/, '') }));
  }
  await syncLineIndex(store);
  const long = terms.filter((t) => chars(t) >= 3);
  const short = terms.filter((t) => chars(t) < 3);
  const conds: RawBuilder<unknown>[] = [];
  if (long.length) conds.push(sql`search_lines MATCH ${long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')}`);
  if (short.length) conds.push(likeAll(store, ['search_lines.text'], short));
  const r = await sql<{ document_id: string; line: number; text: string }>`
    SELECT search_lines.document_id, search_lines.line, search_lines.text FROM search_lines
    JOIN documents d ON d.id = search_lines.document_id
    WHERE ${sql.join(conds, sql` AND `)} ORDER BY d.file, d.seq, search_lines.line LIMIT ${limit}`.execute(store);
  return r.rows.map((x) => ({ ...x, line: Number(x.line) }));
}

export async function search(store: Store, q: string, limit = 50): Promise<SearchResults> {
  const terms = searchTerms(q);
  const groups: SearchResults['groups'] = { documents: [], lines: [], facts: [], tasks: [], projects: [] };
  if (!terms.length) return { terms, groups };
  const titles = new Map((await store.selectFrom('documents').select(['id', 'title']).execute()).map((d) => [d.id, d.title]));
  const docs = await store
    .selectFrom('documents')
    .select(['id', 'title', 'line_first'])
    .where(likeAll(store, ['title', 'file', 'doc_number', 'issuer'], terms))
    .orderBy('file').orderBy('seq').limit(limit).execute();
  groups.documents = docs.map((d) => ({ documentId: d.id, document: d.title, line: d.line_first, text: d.title }));
  groups.lines = (await searchLines(store, terms, limit)).map((l) => ({ documentId: l.document_id, document: titles.get(l.document_id) ?? '', line: l.line, text: snippet(l.text, terms) }));
  const facts = await store
    .selectFrom('facts')
    .select(['document_id', 'line', 'metric', 'quote'])
    .where(likeAll(store, ['metric', 'quote'], terms))
    .orderBy('document_id').orderBy('seq').limit(limit).execute();
  groups.facts = facts.map((f) => ({ documentId: f.document_id, document: titles.get(f.document_id) ?? '', line: f.line, label: f.metric, text: f.quote }));
  const tasks = await store
    .selectFrom('tasks')
    .select(['document_id', 'line', 'title'])
    .where(likeAll(store, ['title'], terms))
    .orderBy('document_id').orderBy('seq').limit(limit).execute();
  groups.tasks = tasks.map((t) => ({ documentId: t.document_id, document: titles.get(t.document_id) ?? '', line: t.line, text: t.title }));
  // projects live in the documents' records: the SQL narrows to documents that mention every term
  const withProjects = await store.selectFrom('documents').select(['id', 'title', 'record']).where(likeAll(store, ['record'], terms)).orderBy('file').orderBy('seq').execute();
  for (const d of withProjects) {
    for (const p of (JSON.parse(d.record).projects ?? []) as Project[]) {
      const hay = `${p.box} ${p.name} ${p.content}`.toLowerCase();
      if (groups.projects.length < limit && terms.every((t) => hay.includes(t.toLowerCase())))
        groups.projects.push({ documentId: d.id, document: d.title, line: p.line, label: p.name, text: snippet(`${p.name}：${p.content}`, terms) });
    }
  }
  return { terms, groups };
}
