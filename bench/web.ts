// Page and API latency on the sample data: the web application on a new embedded store with the
// samples, each page requested over loopback HTTP by a logged-in planner; p50 / p95 / max per page.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/auth.js';
import { openStore, type Store } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';

const ROUNDS = Number(process.env.LANTU_BENCH_ROUNDS ?? 60);
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

/** `lantu serve` (the built CLI, when there is one) on a store in a process of its own, as users meet it: resolves with its address once it listens. */
export async function serveApart(env: NodeJS.ProcessEnv): Promise<{ base: string; pid: number; stop: () => void } | undefined> {
  if (!existsSync(cli)) return undefined;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], { env: { ...process.env, ...env, LANTU_COOKIE_SECRET: 'bench-secret-at-least-32-characters-long' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (b: Buffer) => /serving on/.test(b.toString()) && ok());
    child.on('exit', (code) => fail(new Error(`lantu serve exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

/**
 * Pages of a store of the samples (or of `given.documents`), or of `given.store` (built by the caller, closed here); served in
 * this process, or by the server at `given.base` (another process, on the same store); `given.keep` leaves the store open.
 */
export async function benchWeb(pages: string[], given?: { store?: Store; keep?: boolean; goalPages?: string[]; goal?: number; manyGoal?: number; clients?: number[]; base?: string; documents?: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-bench-web-'));
  const store = given?.store ?? (await openStore({ url: '', dataDir: dir }));
  if (!given?.store) await ingestPaths(store, [given?.documents ?? fileURLToPath(new URL('../samples/', import.meta.url))]);
  if (!(await store.selectFrom('users').select('id').where('username', '=', 'bench-planner').executeTakeFirst())) await createUser(store, { username: 'bench-planner', displayName: '规划科', password: 'correct-horse-battery', role: 'planner' });
  const app = given?.base ? undefined : await buildApp({ store, uploadDir: join(dir, 'up'), cookieSecret: 'bench-secret-at-least-32-characters-long', loginRateLimit: 1000 });
  const base = given?.base ?? (await app!.listen({ port: 0, host: '127.0.0.1' }));
  try {
    const login = await fetch(`${base}/login`);
    const csrfCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1];
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, username: 'bench-planner', password: 'correct-horse-battery' }),
    });
    const cookie = [csrfCookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
    for (const clients of given?.clients ?? [1]) {
      console.log(`web: ${ROUNDS} requests per page per client over loopback, ${clients} client${clients > 1 ? 's at once' : ''}, logged in as a planner`);
      let worst = 0;
      for (const path of pages) {
        const times: number[] = [];
        let status = 0;
        // each client sends its requests one after the other; the clients run at the same time
        await Promise.all(
          Array.from({ length: clients }, async () => {
            for (let i = 0; i < ROUNDS; i++) {
              const t0 = performance.now();
              const r = await fetch(base + path, { headers: { cookie } });
              await r.arrayBuffer();
              status = r.status;
              times.push(performance.now() - t0);
            }
          }),
        );
        times.sort((a, b) => a - b);
        const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
        if (!given?.goalPages || given.goalPages.includes(path)) worst = Math.max(worst, Number(p(0.95)));
        console.log(`  ${path.padEnd(32)} ${status}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${p(1)} ms`);
      }
      console.log(`  worst p95${given?.goalPages ? ` of ${given.goalPages.join(', ')}` : ''} ${worst.toFixed(1)} ms (goal < ${clients > 1 ? (given?.manyGoal ?? 4 * (given?.goal ?? 50)) : (given?.goal ?? 50)} ms)`);
    }
  } finally {
    await app?.close();
    if (!given?.keep) await store.destroy();
  }
}
