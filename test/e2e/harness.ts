// End-to-end harness: the real application on a loopback port (a new embedded store with the samples
// and one user per role) driven by Debian's Chromium through playwright-core. Screenshots go to
// test/out/screenshots/.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestPaths } from '../../src/cli/ingest.js';
import { buildApp } from '../../src/server/app.js';
import { createUser, type Role } from '../../src/server/auth.js';
import { openStore, type Store } from '../../src/store/db.js';

export const CHROMIUM = process.env.LANTU_CHROMIUM ?? '/usr/bin/chromium';
export const PASSWORD = 'correct-horse-battery';
export const SCREENSHOTS = fileURLToPath(new URL('../out/screenshots/', import.meta.url));

/** Why the end-to-end tests cannot run here, or undefined when they can (CI must be able to). */
export function unavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run should have installed it`);
  return `Chromium not found at ${CHROMIUM} (apt-get install chromium): end-to-end tests skipped`;
}

export interface Harness {
  base: string;
  app: FastifyInstance;
  store: Store;
  browser: Browser;
  units: [string, string];
  newPage(): Promise<Page>;
  loginAs(page: Page, username: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function start(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-e2e-'));
  const store = await openStore({ url: '', dataDir: dir });
  await ingestPaths(store, [fileURLToPath(new URL('../../samples/', import.meta.url))]);
  const top = await store.selectFrom('task_units').select('unit').select((e) => e.fn.countAll().as('n')).groupBy('unit').orderBy('n', 'desc').limit(2).execute();
  const units: [string, string] = [top[0].unit, top[1].unit];
  const users: Array<[string, Role, string[]]> = [
    ['admin', 'admin', []],
    ['planner', 'planner', []],
    ['supervisor', 'supervisor', []],
    ['leader', 'leader', []],
    ['dept1', 'department', [units[0]]],
    ['dept2', 'department', [units[1]]],
  ];
  for (const [u, role, us] of users) await createUser(store, { username: u, displayName: us[0] ?? u, password: PASSWORD, role, units: us });
  const app = await buildApp({ store, uploadDir: join(dir, 'uploads'), cookieSecret: 'e2e-secret-at-least-32-characters-long', loginRateLimit: 1000 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    app,
    store,
    browser,
    units,
    async newPage() {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      return ctx.newPage();
    },
    async loginAs(page, username) {
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await store.destroy();
    },
  };
}
