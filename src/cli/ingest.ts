// `lantu ingest FILE|DIR…`: read, structure, extract and store documents, then refresh the monitoring
// data. A file already ingested (same bytes) or a copy of one (same text in another form) is skipped,
// naming the stored file it copies; a broken file is named with its reason and the others are stored.
import { statSync } from 'node:fs';
import { extractEach } from '../extract/index.js';
import { listDirectory, pathText, ReadError, readSource, resolveNamed, textFingerprint, type FilePath } from '../read/index.js';
import { structureEach } from '../structure/index.js';
import { openStore, type Store } from '../store/db.js';
import { contentHash, sourceWithText, storeFile, type IngestOutcome } from '../store/ingest.js';
import { fillTextHashes } from '../store/migrations.js';
import { needsRefresh, refresh } from '../monitor/refresh.js';
import { ensureStatuses } from '../monitor/statuses.js';
import { Progress } from './progress.js';

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

export async function ingestFile(store: Store, at: FilePath): Promise<IngestOutcome> {
  const file = pathText(at);
  try {
    const hash = await contentHash(at).catch(() => '');
    if (hash) {
      const known = await store.selectFrom('documents').select('id').where('content_hash', '=', hash).limit(1).execute();
      if (known.length) {
        const stored = await store.selectFrom('sources').select('file').where('content_hash', '=', hash).executeTakeFirst();
        return { file, status: 'unchanged', documents: 0, ...(stored && stored.file !== file ? { copyOf: stored.file } : {}) };
      }
    }
    const source = await readSource(at);
    // a copy of a stored text is known before the costly structure and extraction (storeFile checks again)
    const textHash = textFingerprint(source.text);
    const copied = await sourceWithText(store, textHash);
    if (copied && copied.content_hash !== hash) return { file, status: 'unchanged', documents: 0, copyOf: copied.file };
    // structured, extracted and stored one document at a time (a file may hold a thousand)
    return await storeFile(store, extractEach(structureEach(source)), hash, textHash);
  } catch (e) {
    const reason = e instanceof ReadError ? e.reason : (e as Error).message;
    return { file, status: 'failed', reason, documents: 0 };
  }
}

export async function ingestPaths(store: Store, paths: string[], onFile?: (o: IngestOutcome) => void): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  // sources restored from a backup made before 009_text_hash have no fingerprint yet
  await fillTextHashes(store);
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
