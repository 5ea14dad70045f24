// Ingest: documents and their records into the store. Idempotent by content hash (the same file again
// changes nothing) and by text fingerprint (the same text in another form — other blank lines, GBK, a
// DOCX — is a copy: it changes nothing either, and names the stored file it copies), transactional per
// file (a failure stores nothing of that file), the original text kept so every record can show its source line.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { textFingerprint } from '../read/fingerprint.js';
import type { DocumentRecord, SourceText, Span } from '../model/records.js';
import { asStore, inTransaction, type Store } from './db.js';
import { insertAll } from './insert.js';
import { recordItems, type Item } from './search-items.js';
import { indexLines, lineStarts, type DocumentSpan } from './search-index.js';

export type IngestOutcome =
  | { file: string; status: 'stored'; documents: number }
  /** `copyOf`: the stored file whose text this one has, when it is another file (another name or form) */
  | { file: string; status: 'unchanged'; documents: number; copyOf?: string }
  | { file: string; status: 'failed'; reason: string; documents: number };

const spanColumns = (s: Span | undefined) => ({ span_start: s?.start.offset ?? null, span_end: s?.end.offset ?? null });
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const now = () => new Date().toISOString();

/**
 * sha256 of the file's bytes, read as a 'binary' (Latin-1) string and hashed as UTF-8 — the digest every
 * store already holds — computed from the file in pieces, without the whole file as one string.
 */
export async function contentHash(path: string | Buffer): Promise<string> {
  const h = createHash('sha256');
  for await (const piece of createReadStream(path)) h.update((piece as Buffer).toString('binary'));
  return h.digest('hex');
}

/** The stored source whose text has this fingerprint, if any: its file as it was ingested. */
export async function sourceWithText(db: Store, textHashHex: string): Promise<{ file: string; content_hash: string } | undefined> {
  return db.selectFrom('sources').select(['file', 'content_hash']).where('text_hash', '=', textHashHex).orderBy('ingested_at').limit(1).executeTakeFirst();
}

/**
 * What the store keeps of a file: its text and the records of its documents (a StructuredFile is one).
 * `documents` is read once, in order: it may make each document as it is asked for (prepare's `lazy`),
 * so that a file of a thousand documents is never held whole.
 */
export interface StorableFile {
  source: SourceText;
  documents: Iterable<{ record: DocumentRecord }>;
}

/** A file to write, with the hash of its bytes and the fingerprint of its text. */
export interface FileToStore {
  file: StorableFile;
  contentHash: string;
  textHash?: string;
}

/**
 * Writes a file in the transaction `t`: the source and all its documents, its documents queued for
 * derivation (the refresh that follows derives them; after a kill, the next command that needs them).
 * A file already stored (same bytes) or whose text is already stored from another file (same
 * fingerprint, other bytes) writes nothing. Throws when a document cannot be written. The search items
 * of its documents go to `items`, which the caller inserts with those of the other files of its batch.
 */
async function writeFile(t: Store, { file, contentHash: contentHashHex, textHash: textHashHex = textFingerprint(file.source.text) }: FileToStore, items: Item[]): Promise<IngestOutcome> {
  const src: SourceText = file.source;
  const copied = await sourceWithText(t, textHashHex);
  if (copied && copied.content_hash !== contentHashHex) return { file: src.file, status: 'unchanged', documents: 0, copyOf: copied.file };
  const have = new Set((await t.selectFrom('documents').select('id').where('content_hash', '=', contentHashHex).execute()).map((r) => r.id));
  if (have.size && copied && copied.file !== src.file) return { file: src.file, status: 'unchanged', documents: 0, copyOf: copied.file };
  await t
    .insertInto('sources')
    .values({ content_hash: contentHashHex, file: src.file, format: src.format, encoding: src.encoding ?? null, text: src.text, ingested_at: now(), text_hash: textHashHex })
    .onConflict((oc) => oc.column('content_hash').doNothing())
    .execute();
  const spans: DocumentSpan[] = [];
  // where each line of the text begins, found once: each document's search lines are cut from the text
  // as it is written (not every line of a 50 MB text as rows at once)
  const starts = lineStarts(src.text);
  let seq = -1;
  for (const d of file.documents) {
    seq++;
    const id = hash(`${contentHashHex}:${seq}`).slice(0, 20);
    if (have.has(id)) continue;
    try {
      await insertDocument(t, id, seq, contentHashHex, d.record);
    } catch (e) {
      throw new Error(`document ${seq + 1} (${d.record.title}, line ${d.record.lines?.[0]}): ${(e as Error).message}`);
    }
    const span = { id, line_first: d.record.lines[0], line_last: d.record.lines[1] };
    await indexLines(t, src.text, [span], starts);
    items.push(...recordItems(id, seq, d.record));
    spans.push(span);
  }
  if (spans.length) await insertAll(t, 'derive_queue', spans.map((d) => ({ document_id: d.id })));
  return spans.length ? { file: src.file, status: 'stored', documents: spans.length } : { file: src.file, status: 'unchanged', documents: 0 };
}

const failed = (file: string, e: unknown): IngestOutcome => ({ file, status: 'failed', reason: `nothing of the file stored: ${(e as Error).message}`, documents: 0 });

/** Stores one file in a transaction of its own: all of it or, on failure, nothing (so a retry is not mistaken for "unchanged"). */
export async function storeFile(store: Store, file: StorableFile, contentHashHex: string, textHashHex?: string): Promise<IngestOutcome> {
  try {
    return await inTransaction(store, async (trx) => {
      const items: Item[] = [];
      const outcome = await writeFile(trx, { file, contentHash: contentHashHex, textHash: textHashHex }, items);
      await insertAll(trx, 'search_items', items);
      return outcome;
    });
  } catch (e) {
    return failed(file.source.file, e);
  }
}

/**
 * Stores several files in one transaction (one commit for many small files), each whole or not at all:
 * a file that fails is rolled back to its savepoint and the others are kept. Outcomes in the given order.
 */
export async function storeFiles(store: Store, files: FileToStore[]): Promise<IngestOutcome[]> {
  if (files.length === 1) return [await storeFile(store, files[0].file, files[0].contentHash, files[0].textHash)];
  const trx = await store.startTransaction().execute();
  const out: IngestOutcome[] = [];
  // the search items of the files written, inserted at once before the commit (a statement per batch, not per document)
  const items: Item[] = [];
  try {
    for (const [k, f] of files.entries()) {
      const at = await trx.savepoint(`file${k}`).execute();
      const mark = items.length;
      try {
        out.push(await writeFile(asStore(at, store), f, items));
        await at.releaseSavepoint(`file${k}`).execute();
      } catch (e) {
        await at.rollbackToSavepoint(`file${k}`).execute();
        items.length = mark;
        out.push(failed(f.file.source.file, e));
      }
    }
    await insertAll(trx, 'search_items', items);
    await trx.commit().execute();
  } catch (e) {
    await trx.rollback().execute().catch(() => {});
    return files.map((f) => failed(f.file.source.file, e));
  }
  return out;
}

async function insertDocument(trx: Store, id: string, seq: number, contentHashHex: string, r: DocumentRecord): Promise<void> {
  const { facts = [], tasks = [], projects: _p, ...rest } = r;
  await trx
    .insertInto('documents')
    .values({
      id,
      content_hash: contentHashHex,
      seq,
      file: r.file,
      title: r.title,
      type: r.type ?? null,
      doc_number: r.docNumber ?? null,
      issuer: r.issuer ?? null,
      date: r.date ?? null,
      region: r.region ?? null,
      region_code: r.regionCode ?? null,
      level: r.level ?? null,
      line_first: r.lines[0],
      line_last: r.lines[1],
      record: JSON.stringify({ ...rest, projects: r.projects ?? [] }),
    })
    .execute();
  await insertAll(
    trx,
    'facts',
    facts.map((f, k) => ({
      id: `${id}:f${k}`,
      document_id: id,
      seq: k,
      line: f.line,
      metric: f.metric,
      value: f.value,
      upper: f.upper ?? null,
      unit: f.unit,
      measure: f.measure,
      modality: f.modality,
      comparator: f.comparator,
      year: f.year ?? null,
      quote: f.quote,
      norm_value: f.normalized?.value ?? null,
      norm_unit: f.normalized?.unit ?? null,
      region: r.region ?? null,
      basis: f.basis ?? 'year',
      period_from: f.period?.[0] ?? null,
      period_to: f.period?.[1] ?? null,
      ...spanColumns(f.span),
    })),
  );
  await insertAll(
    trx,
    'tasks',
    tasks.map((t, k) => ({
      id: `${id}:t${k}`,
      document_id: id,
      seq: k,
      line: t.line,
      kind: t.kind ?? 'assigned',
      ordinal: t.ordinal ?? null,
      title: t.title,
      section: t.section ?? null,
      deadline_text: t.deadline?.text ?? null,
      deadline_date: t.deadline?.date ?? null,
      deadline_rule: t.deadline?.rule ?? null,
      ...spanColumns(t.span),
    })),
  );
  const units = tasks.flatMap((t, k) => {
    const seen = new Set<string>();
    const roles: Array<[string, string[] | undefined]> = [['lead', t.lead], ['unit', t.units], ['support', t.support]];
    return roles
      .flatMap(([role, list]) => (list ?? []).filter((u) => !seen.has(role + u) && seen.add(role + u)).map((unit) => ({ task_id: `${id}:t${k}`, unit, role })))
      .map((u, seq) => ({ ...u, seq }));
  });
  await insertAll(trx, 'task_units', units);
  const rows = r.tables.flatMap((t) =>
    t.rows.map((row) => ({
      id: `${id}:r:${t.label}:${row.no}`,
      document_id: id,
      table_label: t.label,
      no: row.no,
      name: row.name,
      unit: row.unit,
      category: row.category ?? null,
      attribute: row.attribute ?? null,
      columns: JSON.stringify(t.columns),
      cells: JSON.stringify(row.cells),
      line: row.line,
      ...spanColumns(row.span),
    })),
  );
  // a label may repeat in one document (continued tables): keep the first row of each id
  const unique = [...new Map(rows.map((x) => [x.id, x])).values()];
  await insertAll(trx, 'table_rows', unique);
}
