// Fault injection: `lantu ingest` killed (SIGKILL) at points spread over its run, several times on one
// embedded store; the next uninterrupted run must reach the same store as an ingest never interrupted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const samples = join(root, 'samples');
const args = ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ingest', samples];
const env = (dir: string) => ({ ...process.env, LANTU_DATA_DIR: dir, LANTU_DATABASE_URL: '' });
const TABLES = ['sources', 'documents', 'facts', 'tasks', 'task_units', 'table_rows', 'links', 'targets', 'actuals', 'issues'] as const;

async function counts(dir: string): Promise<Record<string, number>> {
  const store = await openStore({ url: '', dataDir: dir });
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await store.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return out;
  } finally {
    await store.destroy();
  }
}

/** Runs ingest and kills it after `ms` milliseconds (if it is still running). */
function killedAfter(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: env(dir), stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => (clearTimeout(timer), resolve()));
  });
}

test('ingest killed at points over its run, then run again, reaches the store of an uninterrupted ingest', { timeout: 180_000 }, async () => {
  const whole = mkdtempSync(join(tmpdir(), 'lantu-whole-'));
  const started = Date.now();
  const first = spawnSync(process.execPath, args, { cwd: root, env: env(whole), encoding: 'utf8' });
  assert.equal(first.status, 0, first.stderr);
  const full = Date.now() - started;
  const expected = await counts(whole);

  const cut = mkdtempSync(join(tmpdir(), 'lantu-cut-'));
  for (const fraction of [0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97]) await killedAfter(cut, Math.round(full * fraction));
  const last = spawnSync(process.execPath, args, { cwd: root, env: env(cut), encoding: 'utf8' });
  assert.equal(last.status, 0, last.stderr);
  assert.deepEqual(await counts(cut), expected);
});
