// The worker threads `lantu ingest` extracts on: one per core but the one that writes to the store, each
// taking the next file as it finishes one. Files are handed out in order and their results come back as
// they are ready; the caller writes them (ingest.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FilePath } from '../read/index.js';
import type { Prepared } from './ingest-worker.js';

/** How many workers for `files` files: LANTU_INGEST_WORKERS, else the cores but one; none for a few files. */
export function workersFor(files: number): number {
  const set = Number(process.env.LANTU_INGEST_WORKERS);
  if (Number.isInteger(set) && set >= 0) return Math.min(set, files);
  return files < 8 ? 0 : Math.min(files, Math.max(1, availableParallelism() - 1));
}

/** The built worker (dist/, .js); from the sources under tsx (tests, benches), the .ts with tsx's loader registered in the worker. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', import.meta.url));
  const url = new URL('./ingest-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`, { eval: true });
}

export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ at: FilePath; done: (r: Prepared) => void }> = [];
  private readonly running = new Map<number, (r: Prepared) => void>();
  /** The worker each running job is on. */
  private readonly owner = new Map<number, Worker>();
  private readonly all: Worker[] = [];
  private seq = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker();
      w.on('message', ({ id, result }: { id: number; result: Prepared }) => {
        const done = this.running.get(id)!;
        this.running.delete(id);
        this.owner.delete(id);
        this.idle.push(w);
        this.pump();
        done(result);
      });
      // a worker that dies (out of memory on a huge file) fails the file it had; the others go on
      w.on('error', (e) => this.lost(w, e));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  private lost(w: Worker, e: Error): void {
    this.all.splice(this.all.indexOf(w), 1);
    for (const [id, done] of [...this.running]) {
      if (this.owner.get(id) !== w) continue;
      this.running.delete(id);
      this.owner.delete(id);
      done({ ok: false, reason: `extraction failed: ${e.message}` });
    }
    if (!this.all.length) for (const job of this.waiting.splice(0)) job.done({ ok: false, reason: `extraction failed: ${e.message}` });
  }

  get size(): number {
    return this.all.length;
  }

  /** Reads, structures and extracts a file on a worker. */
  run(at: FilePath): Promise<Prepared> {
    return new Promise((done) => {
      this.waiting.push({ at, done });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.waiting.length) {
      const w = this.idle.pop()!;
      const job = this.waiting.shift()!;
      const id = this.seq++;
      this.running.set(id, job.done);
      this.owner.set(id, w);
      w.postMessage({ id, at: job.at });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
