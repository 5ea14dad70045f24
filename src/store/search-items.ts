// What search finds besides lines (table search_items, 018_search_items): each stored document — its
// title, file, number and issuer — and each project of its record, a narrow row each, written with the
// document (at ingest, at restore, and by the migration for documents stored before it) and deleted with
// it. Search reads these rows instead of the documents' records: a term found in no title no longer reads
// every document, and projects are no longer found by parsing every record that mentions the term.
import type { DocumentRecord, Project } from '../model/records.js';
import type { Store } from './db.js';
import { insertAll } from './insert.js';
import type { SearchItemsTable } from './schema.js';

export type Item = Omit<SearchItemsTable, 'id'>;

/** The fields of a stored document that items are made of. */
export interface ItemSource {
  id: string;
  seq: number;
  file: string;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  line_first: number;
  projects: readonly Project[];
}

/** The items of one document: the document itself, then its projects in their order. */
export function documentItems(d: ItemSource): Item[] {
  const at = { document_id: d.id, file: d.file, doc_seq: d.seq };
  // a line each: no term (terms have no spaces or line breaks) matches across two fields
  const hay = [d.title, d.file, d.doc_number ?? '', d.issuer ?? ''].join('\n');
  return [
    { ...at, kind: 'document', seq: 0, line: d.line_first, label: null, text: d.title, hay },
    ...d.projects.map((p, k): Item => ({ ...at, kind: 'project', seq: k, line: p.line, label: p.name, text: `${p.name}：${p.content}`, hay: `${p.box} ${p.name} ${p.content}` })),
  ];
}

/** The items of a document being stored, from its record (the writer inserts a batch of files' items at once). */
export function recordItems(id: string, seq: number, r: DocumentRecord): Item[] {
  return documentItems({ id, seq, file: r.file, title: r.title, doc_number: r.docNumber ?? null, issuer: r.issuer ?? null, line_first: r.lines[0], projects: r.projects ?? [] });
}

/** Documents read at a time when items are written for stored documents. */
const BATCH = 500;

/** Writes the items of every stored document that has none, BATCH documents (and their records) at a time. */
export async function indexStoredItems(db: Store): Promise<void> {
  for (let after = ''; ; ) {
    const docs = await db
      .selectFrom('documents')
      .select(['id', 'seq', 'file', 'title', 'doc_number', 'issuer', 'line_first', 'record'])
      .where('id', '>', after)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('search_items').select('id').whereRef('search_items.document_id', '=', 'documents.id'))))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!docs.length) return;
    await insertAll(db, 'search_items', docs.flatMap((d) => documentItems({ ...d, projects: (JSON.parse(d.record) as DocumentRecord).projects ?? [] })));
    after = docs[docs.length - 1].id;
  }
}
