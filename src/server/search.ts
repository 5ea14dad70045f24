// Chinese full-text search over documents (titles and original lines), facts, tasks and projects.
// Parameterised SQL only. The lines are indexed when documents are stored (search-lines.ts: FTS5
// trigram on SQLite, pg_trgm and bigrams on PostgreSQL) and come a page at a time with their count; the
// other kinds, a few and bounded, come with the first page: documents and projects from their narrow rows
// (store/search-items.ts), all of them narrowed on PostgreSQL by bigram indexes (store/search-bigrams.ts).
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, type Store } from '../store/db.js';
import { bigramFilter, type Bigrammed } from '../store/search-bigrams.js';
import { bigramIndexed } from '../store/deferred-indexes.js';
import { likeOp, MAX_COUNTED, pattern, searchLines } from './search-lines.js';

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
  /** Lines matching every term (counted up to MAX_COUNTED; `more`: beyond it), the page shown, pages. */
  total: number;
  more: boolean;
  page: number;
  pages: number;
}

/** The pages of lines there can be: MAX_COUNTED lines at `size` a page. */
export const maxPages = (size: number): number => Math.ceil(MAX_COUNTED / size);

/** The terms of a query: split at spaces, at most 5 of at most 40 characters. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.normalize('NFC').trim().split(/\s+/u).filter(Boolean).map((t) => [...t].slice(0, 40).join('')))].slice(0, 5);
}


/** Every term in one of the columns. */
function likeAll(store: Store, cols: readonly string[], terms: string[]): RawBuilder<boolean> {
  const one = (t: string) => sql.join(cols.map((c) => sql`${sql.ref(c)} ${likeOp(store, t)} ${pattern(t)} ESCAPE '\\'`), sql` OR `);
  return sql<boolean>`(${sql.join(terms.map((t) => sql`(${one(t)})`), sql` AND `)})`;
}

/** A group of search: its table, the columns matched, those read, a condition of its own and its order. */
interface Group {
  table: Bigrammed;
  match: readonly string[];
  read: readonly string[];
  only?: RawBuilder<boolean>;
  order: readonly string[];
}

/** Rows the first try of a group on PostgreSQL reads in order before it asks the bigram index instead. */
const WALK_ROWS = 5000;

/**
 * The first `limit` rows of a group matching every term, in its order. SQLite: one query (at the size of
 * an embedded store a scan is fast). PostgreSQL: a common term fills the page within the first WALK_ROWS
 * rows in order, which the group's ordered index walks; otherwise the bigram index narrows the rows to
 * those holding the terms' bigrams. Asked in that order rather than left to the planner, whose estimate
 * of several bigrams at once (multiplied as if independent) is far too low for a common word.
 */
async function firstMatches<R>(store: Store, g: Group, terms: string[], limit: number, indexed: ReadonlySet<Bigrammed>): Promise<R[]> {
  const cols = (names: readonly string[]) => sql.join(names.map((c) => sql.ref(c)));
  const order = cols(g.order);
  const where = (...c: Array<RawBuilder<boolean> | undefined>) => sql.join(c.filter((x): x is RawBuilder<boolean> => !!x), sql` AND `);
  const likes = likeAll(store, g.match, terms);
  const pairs = indexed.has(g.table) ? bigramFilter(g.table, terms) : undefined;
  const table = sql.table(g.table);
  if (pairs) {
    const all = cols([...new Set([...g.read, ...g.match, ...g.order])]);
    const first = await sql<R>`SELECT ${cols(g.read)} FROM (SELECT ${all} FROM ${table} ${g.only ? sql`WHERE ${g.only}` : sql``} ORDER BY ${order} LIMIT ${WALK_ROWS}) t
      WHERE ${likes} ORDER BY ${order} LIMIT ${limit}`.execute(store);
    if (first.rows.length >= limit) return first.rows;
  }
  return (await sql<R>`SELECT ${cols(g.read)} FROM ${table} WHERE ${where(g.only, pairs, likes)} ORDER BY ${order} LIMIT ${limit}`.execute(store)).rows;
}

/** A window of a long text around the first term. */
export function snippet(text: string, terms: string[], width = 60): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  if (text.length <= width * 2 || at === text.length) return text.length <= width * 2 ? text : text.slice(0, width * 2) + '…';
  const from = Math.max(0, at - width);
  return `${from > 0 ? '…' : ''}${text.slice(from, at + width)}${at + width < text.length ? '…' : ''}`;
}

/** Page `page` (1-based; beyond the last, the last) of the lines matching every term, `limit` a page. */
export async function search(store: Store, q: string, limit = 50, page = 1): Promise<SearchResults> {
  // PostgreSQL: one transaction without JIT or parallel workers, which a query of a few milliseconds pays
  // for at every start (and a busy server has no idle cores to give them)
  if (store.dialect === 'postgres' && !store.isTransaction)
    return inTransaction(store, async (trx) => {
      await sql`SET LOCAL jit = off`.execute(trx);
      await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
      return search(trx, q, limit, page);
    });
  const terms = searchTerms(q);
  const groups: SearchResults['groups'] = { documents: [], lines: [], facts: [], tasks: [], projects: [] };
  if (!terms.length) return { terms, groups, total: 0, more: false, page: 1, pages: 0 };
  const size = Math.max(1, Math.floor(limit));
  let at = Math.min(Math.max(1, Math.floor(page) || 1), maxPages(size));
  // a bulk load sets the bigram indexes aside for a while: a query asking a missing one would compute
  // the bigrams of every row it reads
  const indexed = await bigramIndexed(store);
  let lines = await searchLines(store, terms, size, at, indexed);
  const pages = Math.ceil(lines.total / size);
  if (at > pages && pages > 0) lines = await searchLines(store, terms, size, (at = pages), indexed);
  groups.lines = lines.hits.map((l) => ({ documentId: l.document_id, document: l.title, line: l.line, text: snippet(l.text, terms) }));
  if (at === 1) await otherKinds(store, terms, size, groups, indexed);
  return { terms, groups, total: lines.total, more: lines.more, page: at, pages };
}

/** Document titles, facts, tasks and projects matching every term, at most `limit` of each. */
async function otherKinds(store: Store, terms: string[], limit: number, groups: SearchResults['groups'], indexed: ReadonlySet<Bigrammed>): Promise<void> {
  type Hit = { document_id: string; line: number };
  // documents and projects: their narrow rows (search_items), in the documents' order
  const items = (kind: 'document' | 'project') =>
    firstMatches<Hit & { label: string | null; text: string }>(store, { table: 'search_items', match: ['hay'], read: ['document_id', 'line', 'label', 'text'], only: sql<boolean>`kind = ${kind}`, order: ['kind', 'file', 'doc_seq', 'seq'] }, terms, limit, indexed);
  const docs = await items('document');
  const projects = await items('project');
  const facts = await firstMatches<Hit & { metric: string; quote: string }>(store, { table: 'facts', match: ['metric', 'quote'], read: ['document_id', 'line', 'metric', 'quote'], order: ['document_id', 'seq'] }, terms, limit, indexed);
  const tasks = await firstMatches<Hit & { title: string }>(store, { table: 'tasks', match: ['title'], read: ['document_id', 'line', 'title'], order: ['document_id', 'seq'] }, terms, limit, indexed);
  const ids = [...new Set([...facts, ...tasks, ...projects].map((x) => x.document_id))];
  const titles = new Map(ids.length ? (await store.selectFrom('documents').select(['id', 'title']).where('id', 'in', ids).execute()).map((d) => [d.id, d.title]) : []);
  const title = (id: string) => titles.get(id) ?? '';
  groups.documents = docs.map((d) => ({ documentId: d.document_id, document: d.text, line: d.line, text: d.text }));
  groups.facts = facts.map((f) => ({ documentId: f.document_id, document: title(f.document_id), line: f.line, label: f.metric, text: f.quote }));
  groups.tasks = tasks.map((t) => ({ documentId: t.document_id, document: title(t.document_id), line: t.line, text: t.title }));
  groups.projects = projects.map((p) => ({ documentId: p.document_id, document: title(p.document_id), line: p.line, label: p.label ?? '', text: snippet(p.text, terms) }));
}
