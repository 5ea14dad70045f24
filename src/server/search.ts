// Chinese full-text search over documents (titles and original lines), facts, tasks and projects.
// Parameterised SQL only. The lines are indexed when documents are stored (search-lines.ts: FTS5
// trigram on SQLite, pg_trgm on PostgreSQL) and come a page at a time with their count; the other
// kinds, a few and bounded, come with the first page.
import { sql, type RawBuilder } from 'kysely';
import type { Project } from '../model/records.js';
import type { Store } from '../store/db.js';
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


function likeAll(store: Store, cols: string[], terms: string[]): RawBuilder<boolean> {
  const one = (t: string) => sql.join(cols.map((c) => sql`${sql.ref(c)} ${likeOp(store, t)} ${pattern(t)} ESCAPE '\\'`), sql` OR `);
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

/** Page `page` (1-based; beyond the last, the last) of the lines matching every term, `limit` a page. */
export async function search(store: Store, q: string, limit = 50, page = 1): Promise<SearchResults> {
  const terms = searchTerms(q);
  const groups: SearchResults['groups'] = { documents: [], lines: [], facts: [], tasks: [], projects: [] };
  if (!terms.length) return { terms, groups, total: 0, more: false, page: 1, pages: 0 };
  const size = Math.max(1, Math.floor(limit));
  let at = Math.min(Math.max(1, Math.floor(page) || 1), maxPages(size));
  let lines = await searchLines(store, terms, size, at);
  const pages = Math.ceil(lines.total / size);
  if (at > pages && pages > 0) lines = await searchLines(store, terms, size, (at = pages));
  groups.lines = lines.hits.map((l) => ({ documentId: l.document_id, document: l.title, line: l.line, text: snippet(l.text, terms) }));
  if (at === 1) await otherKinds(store, terms, size, groups);
  return { terms, groups, total: lines.total, more: lines.more, page: at, pages };
}

/** Document titles, facts, tasks and projects matching every term, at most `limit` of each. */
async function otherKinds(store: Store, terms: string[], limit: number, groups: SearchResults['groups']): Promise<void> {
  const docs = await store
    .selectFrom('documents')
    .select(['id', 'title', 'line_first'])
    .where(likeAll(store, ['title', 'file', 'doc_number', 'issuer'], terms))
    .orderBy('file').orderBy('seq').limit(limit).execute();
  groups.documents = docs.map((d) => ({ documentId: d.id, document: d.title, line: d.line_first, text: d.title }));
  const facts = await store
    .selectFrom('facts')
    .select(['document_id', 'line', 'metric', 'quote'])
    .where(likeAll(store, ['metric', 'quote'], terms))
    .orderBy('document_id').orderBy('seq').limit(limit).execute();
  const tasks = await store
    .selectFrom('tasks')
    .select(['document_id', 'line', 'title'])
    .where(likeAll(store, ['title'], terms))
    .orderBy('document_id').orderBy('seq').limit(limit).execute();
  const ids = [...new Set([...facts, ...tasks].map((x) => x.document_id))];
  const titles = new Map(ids.length ? (await store.selectFrom('documents').select(['id', 'title']).where('id', 'in', ids).execute()).map((d) => [d.id, d.title]) : []);
  groups.facts = facts.map((f) => ({ documentId: f.document_id, document: titles.get(f.document_id) ?? '', line: f.line, label: f.metric, text: f.quote }));
  groups.tasks = tasks.map((t) => ({ documentId: t.document_id, document: titles.get(t.document_id) ?? '', line: t.line, text: t.title }));
  // projects live in the documents' records: the SQL narrows to documents with projects that mention every
  // term, read a few at a time until the group is full (a common term is in nearly every record)
  const withProjects = likeAll(store, ['record'], terms);
  for (let offset = 0; groups.projects.length < limit; offset += PROJECT_DOCS) {
    const docs = await store
      .selectFrom('documents')
      .select(['id', 'title', 'record'])
      .where(withProjects)
      .where(sql<boolean>`record NOT LIKE ${NO_PROJECTS}`)
      .orderBy('file').orderBy('seq').limit(PROJECT_DOCS).offset(offset).execute();
    for (const d of docs) {
      for (const p of (JSON.parse(d.record).projects ?? []) as Project[]) {
        const hay = `${p.box} ${p.name} ${p.content}`.toLowerCase();
        if (groups.projects.length < limit && terms.every((t) => hay.includes(t.toLowerCase())))
          groups.projects.push({ documentId: d.id, document: d.title, line: p.line, label: p.name, text: snippet(`${p.name}：${p.content}`, terms) });
      }
    }
    if (docs.length < PROJECT_DOCS) break;
  }
}

/** Documents whose records are read at a time for projects. */
const PROJECT_DOCS = 20;
/** A record without projects (ingest writes them last: `"projects":[]`). */
const NO_PROJECTS = '%"projects":[]%';
