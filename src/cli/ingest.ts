// `lantu ingest FILE|DIR…`: read, structure, extract and store documents, then refresh the monitoring
// data. A file already ingested (same bytes) or a copy of one (same text in another form) is skipped,
// naming the stored file it copies; a broken file is named with its reason and the others are stored.
import { statSync } from 'node:fs';
import { listDirectory, pathText, resolveNamed, type FilePath } from '../read/index.js';
import { analyze, DERIVED_TABLES, describeError, openStore, STORED_TABLES, type Store } from '../store/db.js';
import { contentHash, sourceWithText, storeFile, storeFiles, type FileToStore, type IngestOutcome } from '../store/ingest.js';
import { fillTextHashes } from '../store/migrations.js';
import { deferIndexes, restoreIndexes } from '../store/deferred-indexes.js';
import { deriveFromEmpty, needsRefresh, refresh } from '../monitor/refresh.js';
import { tidy, tidyFrom } from './heap.js';
import { ensureStatuses } from '../monitor/statuses.js';
import { Progress } from './progress.js';
import { ExtractPool, workersFor } from './ingest-pool.js';
import { prepare } from './ingest-worker.js';

const DOCUMENT = /\.(txt|docx|pdf)$/i;

/**
 * Files named, and the documents (.txt .docx .pdf) under directories named, in a stable order; a name
 * that is not valid UTF-8 is kept as the bytes of its path (see read/file-names.ts).
 */
export function expandPaths(paths: string[]): FilePath[] {
  const out: FilePath[] = [];
  const walk = (p: FilePath, named: boolean) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st || !st.isDirectory()) {
      if (named || DOCUMENT.test(pathText(p))) out.push(p); // a missing file is reported by the reader
      return;
    }
    const entries = listDirectory(p).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) if (!e.name.startsWith('.')) walk(e.path, false);
  };
  for (const p of paths) walk(resolveNamed(p), true);
  return out;
}

/** A file read and extracted, or what its ingest came to without writing (known, a copy, unreadable). */
type Ready = { write: FileToStore } | { outcome: IngestOutcome };

/** The hash of a file's bytes and, when those bytes are stored, the outcome (unchanged, naming the stored file it copies). */
async function known(store: Store, at: FilePath): Promise<{ hash: string; outcome?: IngestOutcome }> {
  const file = pathText(at);
  const hash = await contentHash(at).catch(() => '');
  if (!hash || !(await store.selectFrom('documents').select('id').where('content_hash', '=', hash).limit(1).execute()).length) return { hash };
  const stored = await store.selectFrom('sources').select('file').where('content_hash', '=', hash).executeTakeFirst();
  return { hash, outcome: { file, status: 'unchanged', documents: 0, ...(stored && stored.file !== file ? { copyOf: stored.file } : {}) } };
}

/** Reads and extracts a file (on a worker of `pool`, else here) unless its bytes or text are stored already. */
async function ready(store: Store, at: FilePath, pool?: ExtractPool): Promise<Ready> {
  const file = pathText(at);
  try {
    const { hash, outcome } = await known(store, at);
    if (outcome) return { outcome };
    const copied = async (textHash: string) => {
      const c = await sourceWithText(store, textHash);
      return c && c.content_hash !== hash ? c : undefined;
    };
    // here, documents are made as they are written (lazy): a file of a thousand is never held whole
    const p = pool ? await pool.run(at) : await prepare(at, async (h) => !!(await copied(h)), true);
    if (!p.ok) return { outcome: { file, status: 'failed', reason: p.reason, documents: 0 } };
    if ('copy' in p) return { outcome: { file, status: 'unchanged', documents: 0, copyOf: (await copied(p.textHash))?.file } };
    return { write: { file: p.file, contentHash: hash, textHash: p.file.textHash } };
  } catch (e) {
    return { outcome: { file, status: 'failed', reason: (e as Error).message, documents: 0 } };
  }
}

export async function ingestFile(store: Store, at: FilePath): Promise<IngestOutcome> {
  const r = await ready(store, at);
  return 'outcome' in r ? r.outcome : storeFile(store, r.write.file, r.write.contentHash, r.write.textHash);
}

/** Files written in one transaction at most, and their text at most (characters). */
const BATCH_FILES = 200;
const BATCH_TEXT = 16 * 1024 * 1024;
/** Documents stored by one ingest from which it renews PostgreSQL's statistics (`analyze`). */
const BULK = 1000;

/**
 * Whether a load sets the search indexes aside (store/deferred-indexes.ts) at a batch it is about to
 * write: on PostgreSQL, from `bulkFrom` files still to go, mostly new (this batch writes at least half
 * its files), and at least half as many as the documents stored before — building the indexes again
 * costs in proportion to everything stored, keeping them costs in proportion to what is added.
 */
function defers(store: Store, o: { togo: number; batch: number; writes: number; stored: number; bulkFrom: number }): boolean {
  return store.dialect === 'postgres' && o.togo >= o.bulkFrom && o.writes * 2 >= o.batch && o.togo * 2 >= o.stored;
}

/**
 * Ingests the files named and under the directories named: read and extracted on worker threads (ahead
 * of the writing), written in the order of the files in batches of one transaction each (every file whole
 * or not at all), then the new documents derived and judged. Outcomes in the order of the files.
 */
export function ingestPaths(store: Store, paths: string[], onFile?: (o: IngestOutcome) => void, opts?: IngestOptions): Promise<IngestOutcome[]> {
  return ingestFiles(store, expandPaths(paths), onFile, opts);
}

export interface IngestOptions {
  /** Files still to write from which a load may set the search indexes aside (default BULK). */
  bulkFrom?: number;
  /** Told of each step after the files are written, which at a country's scale takes a while. */
  onStep?: (step: 'indexes' | 'derive' | 'statuses') => void;
}

/** `ingestPaths` of files already listed (expandPaths). */
export async function ingestFiles(store: Store, files: FilePath[], onFile?: (o: IngestOutcome) => void, opts: IngestOptions = {}): Promise<IngestOutcome[]> {
  // sources restored from a backup made before 009_text_hash have no fingerprint yet
  tidyFrom();
  await fillTextHashes(store);
  await deriveFromEmpty(store);
  const bulkFrom = opts.bulkFrom ?? BULK;
  // documents stored before, for `defers` (only counted when the load could be a bulk one)
  const stored = store.dialect === 'postgres' && files.length >= bulkFrom ? Number((await store.selectFrom('documents').select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0) : 0;
  let deferred = false;
  const workers = workersFor(files.length);
  const pool = workers ? new ExtractPool(workers) : undefined;
  const outcomes: IngestOutcome[] = [];
  // files being read and extracted ahead of the writing: enough to keep every worker busy
  const ahead = new Map<number, Promise<Ready>>();
  const done = new Set<number>();
  // `ahead` holds the files from the next one to write on, in order
  const start = (upTo: number) => {
    for (let j = outcomes.length + ahead.size; j < Math.min(files.length, upTo); j++) ahead.set(j, ready(store, files[j], pool).finally(() => done.add(j)));
  };
  const settle = (o: IngestOutcome) => {
    outcomes.push(o);
    onFile?.(o);
  };
  try {
    while (outcomes.length < files.length) {
      start(outcomes.length + Math.max(2, workers * 4));
      // the next file, and after it those already ready: one batch
      const batch: Array<Ready> = [];
      let text = 0;
      for (let i = outcomes.length; i < files.length && batch.length < BATCH_FILES && text < BATCH_TEXT && (i === outcomes.length || done.has(i)); i++) {
        const r = await ahead.get(i)!;
        batch.push(r);
        if ('write' in r) text += r.write.file.source.text.length;
      }
      for (let k = 0; k < batch.length; k++) ahead.delete(outcomes.length + k);
      const writes = batch.flatMap((r) => ('write' in r ? [r.write] : []));
      if (!deferred && defers(store, { togo: files.length - outcomes.length, batch: batch.length, writes: writes.length, stored, bulkFrom })) {
        await deferIndexes(store);
        deferred = true;
      }
      const written = writes.length ? await storeFiles(store, writes) : [];
      for (const r of batch) settle('outcome' in r ? r.outcome : written.shift()!);
    }
  } finally {
    await pool?.close();
  }
  // built before the statistics are renewed, which cover their expressions; also those that a load
  // killed earlier left aside (a load that fails here leaves them to the next ingest or server start)
  // a build that fails (a full disk) does not stop the derivation of what was stored: the record stays
  await restoreIndexes(store, () => opts.onStep?.('indexes')).catch((e) =>
    process.stderr.write(`lantu: the search indexes could not be built (${describeError(e)}); search scans until the next ingest or server start builds them\n`),
  );
  // also when documents stored earlier wait in the derive queue (a kill before their refresh), or the
  // derived data must be rebuilt (an interrupted rebuild, a new registry)
  // a bulk load: the statistics of what it stored renewed before the derivation reads it, and of what that derived after
  const bulk = outcomes.reduce((n, o) => n + (o.status === 'stored' ? o.documents : 0), 0) >= BULK;
  if (bulk) await analyze(store, STORED_TABLES);
  if (outcomes.some((o) => o.status === 'stored') || (await needsRefresh(store))) {
    opts.onStep?.('derive');
    await refresh(store, tidy);
    // judged now, so that the first page does not wait for it
    opts.onStep?.('statuses');
    await ensureStatuses(store);
  }
  if (bulk) await analyze(store, DERIVED_TABLES);
  return outcomes;
}

export async function runIngest(paths: string[]): Promise<number> {
  const store = await openStore();
  try {
    const files = expandPaths(paths);
    const progress = new Progress(files.length, 'ingesting');
    const steps = { indexes: 'building the search indexes set aside during the load', derive: 'deriving the monitoring data', statuses: 'judging the statuses' };
    const onStep = (step: keyof typeof steps) => {
      progress.stop();
      if (files.length >= 2) process.stderr.write(`${steps[step]}…\n`);
    };
    const outcomes = await ingestFiles(store, files, (o) => progress.tick(o.file), { onStep });
    progress.stop();
    for (const o of outcomes) {
      if (o.status === 'failed') process.stderr.write(`lantu: ${o.file}: ${o.reason}\n`);
      if (o.status === 'unchanged' && o.copyOf) process.stdout.write(`${o.file}: unchanged, the same text as the stored ${o.copyOf} (与已入库的 ${o.copyOf} 文本相同，未重复入库)\n`);
    }
    const stored = outcomes.filter((o) => o.status === 'stored');
    const unchanged = outcomes.filter((o) => o.status === 'unchanged').length;
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    process.stdout.write(
      `ingested into ${store.location}: ${stored.length} file(s) stored (${stored.reduce((n, o) => n + o.documents, 0)} documents), ${unchanged} unchanged, ${failed} failed\n`,
    );
    return failed ? 1 : 0;
  } finally {
    await store.destroy();
  }
}
