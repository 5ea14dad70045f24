// Search over the lines of the stored documents (search_lines, written when documents are stored:
// 010_search), a page at a time in the order of documents (file, position in the file) and lines, with
// the number of lines matching every term counted up to a cap. Parameterised SQL only.
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../store/db.js';
import { bigramFilter, type Bigrammed } from '../store/search-bigrams.js';

/** Lines counted at most (beyond, the count says "more than"): bounds the count and the pages. */
export const MAX_COUNTED = 5000;

export interface LineHit {
  document_id: string;
  title: string;
  line: number;
  text: string;
}

export interface LinePage {
  hits: LineHit[];
  /** Lines matching every term, at most MAX_COUNTED. */
  total: number;
  /** More lines match than MAX_COUNTED. */
  more: boolean;
}

/** A LIKE pattern for a substring, its wildcards and the escape character taken literally. */
export const pattern = (t: string): string => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const chars = (t: string) => [...t].length;

/**
 * LIKE, or ILIKE on PostgreSQL for a term with letters of two cases: ILIKE folds the case of every
 * character it reads, twice the time of LIKE over Chinese text, which has no case.
 */
export const likeOp = (store: Store, t: string): RawBuilder<unknown> =>
  sql.raw(store.dialect === 'postgres' && t.toLowerCase() !== t.toUpperCase() ? 'ILIKE' : 'LIKE');

/**
 * The lines and their filter. SQLite: terms of 3 characters or more through the FTS5 trigram index (a
 * phrase each, case-insensitive); shorter terms have no trigram, so they are LIKE over the same lines —
 * alone, a scan of search_lines, bounded by the count's cap and, for a page, by walking documents and
 * lines in order until the page is full. PostgreSQL: (I)LIKE for every term, which the pg_trgm GIN index
 * answers for terms of 3 characters or more (shorter ones scan; backslash is LIKE's default escape).
 */
function matching(store: Store, terms: string[], indexed: ReadonlySet<Bigrammed>): { from: RawBuilder<unknown>; where: RawBuilder<unknown>; count: RawBuilder<unknown> } {
  const like = (t: string) => (store.dialect === 'postgres' ? sql`l.text ${likeOp(store, t)} ${pattern(t)}` : sql`l.text LIKE ${pattern(t)} ESCAPE '\\'`);
  const long = store.dialect === 'sqlite' ? terms.filter((t) => chars(t) >= 3) : [];
  const rest = terms.filter((t) => !long.includes(t));
  // PostgreSQL: terms of two characters, which pg_trgm cannot index, narrowed by the bigram index — only
  // when no term has three (the trigram index narrows then, and a bitmap of both would recheck every line
  // with lantu_bigrams, 15 µs a line)
  const pairs = indexed.has('search_lines') && rest.every((t) => chars(t) < 3) ? bigramFilter('search_lines', rest, 'l') : undefined;
  const conds = [...(pairs ? [pairs] : []), ...rest.map(like)];
  const capped = (from: RawBuilder<unknown>, where: RawBuilder<unknown>) => sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${MAX_COUNTED + 1}) x`;
  if (!long.length) {
    const where = sql.join(conds, sql` AND `);
    return { from: sql`search_lines l`, where, count: capped(sql`search_lines l`, where) };
  }
  const phrases = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
  const from = sql`search_lines_fts f JOIN search_lines l ON l.id = f.rowid`;
  const where = sql.join([sql`search_lines_fts MATCH ${phrases}`, ...conds], sql` AND `);
  // trigram terms alone: FTS5 counts from its index without reading the lines (0.3 ms for 6000 lines)
  return { from, where, count: conds.length ? capped(from, where) : sql`SELECT count(*) AS n FROM search_lines_fts WHERE search_lines_fts MATCH ${phrases}` };
}

/** PostgreSQL: from this many lines matching, a page walks the documents in order instead of sorting every match. */
const WALK_FROM = 500;

/**
 * Page `page` (1-based) of `size` lines matching every term (terms: non-empty); `indexed`: the tables whose
 * bigram index is there (store/deferred-indexes.ts).
 */
export async function searchLines(store: Store, terms: string[], size: number, page: number, indexed: ReadonlySet<Bigrammed>): Promise<LinePage> {
  const { from, where, count } = matching(store, terms, indexed);
  const counted = await sql<{ n: number | string }>`${count}`.execute(store);
  const n = Number(counted.rows[0]?.n ?? 0);
  const offset = (page - 1) * size;
  if (offset >= Math.min(n, MAX_COUNTED)) return { hits: [], total: Math.min(n, MAX_COUNTED), more: n > MAX_COUNTED };
  const r = await (store.dialect === 'postgres' && n > WALK_FROM
    ? walked(store, terms, size, offset)
    : sql<LineHit>`SELECT l.document_id, d.title, l.line, l.text FROM ${from} JOIN documents d ON d.id = l.document_id
    WHERE ${where} ORDER BY d.file, d.seq, l.line LIMIT ${size} OFFSET ${offset}`.execute(store));
  return { hits: r.rows.map((x) => ({ ...x, line: Number(x.line) })), total: Math.min(n, MAX_COUNTED), more: n > MAX_COUNTED };
}

/**
 * A page of a common term on PostgreSQL: the trigram index would hand over every matching line (65,000
 * for 生产总值 in 30,000 documents) to be joined and sorted for 50. Instead the documents are walked in
 * their order (documents_file_seq) and each one's lines in theirs (search_lines_document), filtered by
 * the terms, until the page is full: with many matches it ends after a few documents. The terms are
 * matched on `text || ''` so that the planner does not ask the trigram index once per document. search()
 * runs it without JIT, which the plan's large estimate would otherwise compile for each query.
 */
function walked(store: Store, terms: string[], size: number, offset: number) {
  const conds = sql.join(
    terms.map((t) => sql`(l.text || '') ${likeOp(store, t)} ${pattern(t)}`),
    sql` AND `,
  );
  return sql<LineHit>`SELECT d.id AS document_id, d.title, l.line, l.text FROM documents d
    CROSS JOIN LATERAL (SELECT l.line, l.text FROM search_lines l WHERE l.document_id = d.id AND ${conds} ORDER BY l.line) l
    ORDER BY d.file, d.seq, l.line LIMIT ${size} OFFSET ${offset}`.execute(store);
}
