// A worker thread of `lantu ingest`: reads, structures and extracts the files it is sent — pure work, on
// another core than the one writing to the store — and sends back what the store keeps of each: the
// source text and the records of its documents (see ingest-pool.ts). Also run in the main thread for a
// handful of files, where starting workers would cost more than it saves.
import { parentPort } from 'node:worker_threads';
import type { DocumentRecord } from '../model/records.js';
import type { StorableFile } from '../store/ingest.js';
import { extractEach } from '../extract/index.js';
import { ReadError, readSource, textFingerprint, type FilePath } from '../read/index.js';
import { structureEach } from '../structure/index.js';
import { tidy } from './heap.js';

/** A file read and extracted: what storeFile writes. */
export interface ExtractedFile extends StorableFile {
  textHash: string;
}

export type Prepared = { ok: true; file: ExtractedFile } | { ok: false; reason: string };

/**
 * Reads a file; unless `skipText(textHash)` says its text is already stored, structures and extracts it.
 * Never throws: a file that cannot be read gives its reason. `lazy` (in the thread that writes): each
 * document is structured and extracted as the writer asks for it, and let go once written.
 */
export async function prepare(at: FilePath, skipText?: (textHash: string) => Promise<boolean>, lazy = false): Promise<Prepared | { ok: true; copy: true; textHash: string }> {
  try {
    const source = await readSource(at);
    const textHash = textFingerprint(source.text);
    // a copy of a stored text is known before the costly structure and extraction (storeFile checks again)
    if (skipText && (await skipText(textHash))) return { ok: true, copy: true, textHash };
    // one document at a time: its repaired lines and paragraphs are let go once its records are made
    const documents = records(extractEach(structureEach(source)).documents, lazy);
    return { ok: true, file: { source, documents: lazy ? documents : [...documents], textHash } };
  } catch (e) {
    return { ok: false, reason: e instanceof ReadError ? e.reason : (e as Error).message };
  }
}

/** Each document's record; `lazy` (the writer asks for each in turn): the garbage of those written is collected as it builds up. */
function* records(documents: Iterable<{ record: DocumentRecord }>, lazy: boolean): Generator<{ record: DocumentRecord }> {
  for (const d of documents) {
    yield { record: d.record };
    if (lazy) tidy();
  }
}

parentPort?.on('message', async (job: { id: number; at: FilePath }) => {
  parentPort!.postMessage({ id: job.id, result: await prepare(job.at) });
});
