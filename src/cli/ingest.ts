// `lantu ingest FILE|DIR…`: read, structure, extract and store documents, then refresh the monitoring
// data. A file already ingested (same content hash) is skipped; a broken file is named with its reason
// and the others are stored.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../extract/index.js';
import { ReadError, readSource } from '../read/index.js';
import { structure } from '../structure/index.js';
import { openStore, type Store } from '../store/db.js';
import { contentHash, storeFile, type IngestOutcome } from '../store/ingest.js';
import { needsRefresh, refresh } from '../monitor/refresh.js';
import { ensureStatuses } from '../monitor/statuses.js';
import { Progress } from './progress.js';

const DOCUMENT = /\.(txt|docx|pdf)$/i;

/** Files named, and the documents (.txt .docx .pdf) under directories named, in a stable order. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, named: boolean) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st || !st.isDirectory()) {
      if (named || DOCUMENT.test(p)) out.push(p); // a missing file is reported by the reader
      return;
    }
    for (const f of readdirSync(p).sort()) if (!f.startsWith('.')) walk(join(p, f), false);
  };
  for (const p of paths) walk(p, true);
  return out;
}

export async function ingestFile(store: Store, file: string): Promise<IngestOutcome> {
  try {
    const hash = await contentHash(file).catch(() => '');
    if (hash) {
      const known = await store.selectFrom('documents').select('id').where('content_hash', '=', hash).limit(1).execute();
      if (known.length) return { file, status: 'unchanged', documents: 0 };
    }
    const structured = extract(structure(await readSource(file)));
    return await storeFile(store, structured, hash);
  } catch (e) {
    const reason = e instanceof ReadError ? e.reason : (e as Error).message;
    return { file, status: 'failed', reason, documents: 0 };
  }
}

export async function ingestPaths(store: Store, paths: string[], onFile?: (o: IngestOutcome) => void): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const f of expandPaths(paths)) {
    const o = await ingestFile(store, f);
    outcomes.push(o);
    onFile?.(o);
  }
  // also after an interrupted refresh or with a new registry: the derived data is marked stale
  if (outcomes.some((o) => o.status === 'stored') || (await needsRefresh(store))) {
    await refresh(store);
    // judged now, so that the first page does not wait for it
    await ensureStatuses(store);
  }
  return outcomes;
}

export async function runIngest(paths: string[]): Promise<number> {
  const store = await openStore();
  try {
    const files = expandPaths(paths);
    const progress = new Progress(files.length, 'ingesting');
    const outcomes = await ingestPaths(store, paths, (o) => progress.tick(o.file));
    progress.stop();
    for (const o of outcomes) {
      if (o.status === 'failed') process.stderr.write(`lantu: ${o.file}: ${o.reason}\n`);
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
