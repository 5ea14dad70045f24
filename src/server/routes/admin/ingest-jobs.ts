// Documents uploaded in the browser, ingested in the background one job after another (ingestPaths: read,
// structure, extract, store, then the derived data rebuilt), each job's files with their outcome kept in
// ingest_jobs so that its page shows the progress and every file's error. Files are checked before they
// are written: .txt, .docx or .pdf whose bytes agree, not empty; they are kept under the upload directory.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../../store/db.js';
import type { IngestJobsTable } from '../../../store/schema.js';
import { audit, type Actor } from '../../../store/audit.js';
import { ingestPaths } from '../../../cli/ingest.js';
import { displayName } from '../workflow/upload.js';

export const MAX_FILES = 10;
export const DOCUMENT_TYPES = ['txt', 'docx', 'pdf'] as const;

export interface JobFile {
  name: string;
  /** queued → stored / unchanged / failed; refused: never written (its check failed). */
  status: 'queued' | 'stored' | 'unchanged' | 'failed' | 'refused';
  reason?: string;
  documents?: number;
  copyOf?: string;
}

export interface Job extends Omit<IngestJobsTable, 'files'> {
  files: JobFile[];
}

/** Why a file cannot be a document, or undefined when it may be ingested. */
export function refusal(name: string, bytes: Buffer): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  if (!ext || !(DOCUMENT_TYPES as readonly string[]).includes(ext)) return '只接受 .txt、.docx、.pdf 文件';
  if (!bytes.length) return '文件是空的';
  const head = bytes.subarray(0, 8192);
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  const fits = ext === 'pdf' ? head.subarray(0, 5).toString('latin1') === '%PDF-' : ext === 'docx' ? zip && bytes.includes('word/') : !head.includes(0) && !zip;
  return fits ? undefined : `文件内容与扩展名 .${ext} 不符`;
}

/** A name safe as a file of the job's directory (no path, no leading dot), unique within the job. */
function fileName(name: string, used: Set<string>): string {
  let n = displayName(name).replace(/^\.+/, '').replace(/[\\/:*?|]/g, '_') || 'document.txt';
  for (let i = 2; used.has(n); i++) n = n.replace(/(?:（\d+）)?(\.[^.]+)?$/, `（${i}）$1`);
  used.add(n);
  return n;
}

const parse = (r: IngestJobsTable): Job => ({ ...r, files: JSON.parse(r.files) as JobFile[] });

export async function jobById(store: Store, id: string): Promise<Job | undefined> {
  const r = await store.selectFrom('ingest_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r && parse(r);
}

export async function recentJobs(store: Store, n = 20): Promise<Job[]> {
  return (await store.selectFrom('ingest_jobs').selectAll().orderBy('created_at', 'desc').limit(n).execute()).map(parse);
}

let queue: Promise<void> = Promise.resolve();

/** Resolves when every job queued so far has ended (tests; the server waits for it when it closes). */
export const idle = (): Promise<void> => queue;

/** Checks and writes the files, records the job (audited) and queues its ingest; the job's id. */
export async function startJob(store: Store, uploadDir: string, files: Array<{ name: string; bytes: Buffer }>, actor: Actor): Promise<string> {
  const id = randomBytes(9).toString('base64url');
  const dir = join(uploadDir, 'documents', id);
  const used = new Set<string>();
  const entries: Array<JobFile & { path?: string }> = [];
  for (const f of files) {
    const why = refusal(f.name, f.bytes);
    if (why) {
      entries.push({ name: displayName(f.name), status: 'refused', reason: why });
      continue;
    }
    await mkdir(dir, { recursive: true });
    const path = join(dir, fileName(f.name, used));
    await writeFile(path, f.bytes, { flag: 'wx' });
    entries.push({ name: displayName(f.name), status: 'queued', path });
  }
  const strip = (list: typeof entries): JobFile[] => list.map(({ path: _p, ...e }) => e);
  const created = new Date().toISOString();
  await store.insertInto('ingest_jobs').values({ id, status: entries.some((e) => e.path) ? 'queued' : 'done', files: JSON.stringify(strip(entries)), created_by: actor.username ?? 'cli', created_at: created, finished_at: entries.some((e) => e.path) ? null : created }).execute();
  await audit(store, actor, 'documents-upload', 'ingest_job', id, undefined, { files: strip(entries).map((e) => e.name) });
  if (entries.some((e) => e.path)) queue = queue.then(() => run(store, id, entries, strip)).catch(() => {});
  return id;
}

async function run(store: Store, id: string, entries: Array<JobFile & { path?: string }>, strip: (l: typeof entries) => JobFile[]): Promise<void> {
  const save = (status: string, finished = false) =>
    store.updateTable('ingest_jobs').set({ status, files: JSON.stringify(strip(entries)), ...(finished ? { finished_at: new Date().toISOString() } : {}) }).where('id', '=', id).execute();
  await save('running');
  let writes: Promise<unknown> = Promise.resolve();
  try {
    await ingestPaths(store, entries.filter((e) => e.path).map((e) => e.path!), (o) => {
      const e = entries.find((x) => x.path === o.file);
      if (!e) return;
      Object.assign(e, { status: o.status, documents: o.documents }, o.status === 'failed' ? { reason: o.reason } : {}, o.status === 'unchanged' ? { reason: o.copyOf ? `与已入库的 ${o.copyOf.split('/').pop()} 文本相同，未重复入库` : '此文件已入库，未重复入库' } : {});
      writes = writes.then(() => save('running'));
    });
    await writes;
    await save('done', true);
  } catch (err) {
    await writes.catch(() => {});
    for (const e of entries) if (e.status === 'queued') Object.assign(e, { status: 'failed', reason: `导入中断：${(err as Error).message}` });
    await save('failed', true);
  }
}
