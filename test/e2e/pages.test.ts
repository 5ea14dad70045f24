// Every page of every role, in English, on a phone (390×844): no Chinese outside elements marked
// lang="zh…" (WCAG 3.1.2) and only a small share of Chinese in them, nothing wider than the screen,
// and no axe-core violation. The pages are found by crawling (crawl.ts), so pages added later are
// checked too. Failures name the role, the page and what is wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { crawl, routePatterns, type Visit } from './crawl.js';
import { start, unavailable, type Harness } from './harness.js';

const skip = unavailable();
const AXE = createRequire(import.meta.url)('axe-core').source as string;
/** The most Chinese (inside lang="zh" parts) an English page may have, as a share of its characters (the document's own text aside). */
const MAX_CHINESE_SHARE = 0.5;
const ROLES = ['public', 'dept1', 'admin', 'planner', 'supervisor', 'leader'] as const;

let h: Harness;
const visited: Array<Visit & { role: string }> = [];
const problems = { english: [] as string[], share: [] as string[], width: [] as string[], axe: [] as string[], status: [] as string[] };

/** In the page: text (and read-out attributes) with Chinese outside a lang="zh" element, and the share of Chinese. */
function englishCheck() {
  const HAN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  const IDEO = /[\u3400-\u9fff\uf900-\ufaff]/g;
  const zh = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
  const bad: string[] = [];
  let total = 0;
  let chinese = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script,style,template')) continue;
    const text = (n as Text).data.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (!el.closest('pre.doc')) {
      total += text.length;
      chinese += (text.match(IDEO) ?? []).length;
    }
    if (HAN.test(text) && !zh(el)) bad.push(text.slice(0, 60));
  }
  for (const el of document.body.querySelectorAll('[title],[aria-label],[placeholder],[alt],input[type=submit],input[type=button]')) {
    for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'value']) {
      const v = el.getAttribute(a);
      if (a === 'value' && !el.matches('input[type=submit],input[type=button]')) continue;
      if (v && HAN.test(v) && !zh(el)) bad.push(`[${a}] ${v.slice(0, 60)}`);
    }
  }
  return { bad: [...new Set(bad)], share: total ? chinese / total : 0 };
}

/** In the page: how far it is wider than the viewport, and the widest elements that stick out. */
function widthCheck() {
  const over = document.documentElement.scrollWidth - window.innerWidth;
  if (over <= 0) return { over, culprits: [] as string[] };
  const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
  const set = new Set(wide);
  const culprits = wide
    .filter((el) => ![...el.children].some((c) => set.has(c)))
    .slice(0, 3)
    .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${(el.textContent ?? '').trim().slice(0, 40)}`);
  return { over, culprits };
}

const axed = new Set<string>();
const timing = { english: 0, width: 0, axe: 0 };
const clock = async <T>(k: keyof typeof timing, f: () => Promise<T>): Promise<T> => {
  const t0 = Date.now();
  try {
    return await f();
  } finally {
    timing[k] += Date.now() - t0;
  }
};

async function inspect(page: Page, role: string, v: Visit) {
  visited.push({ ...v, role });
  const where = `${role} ${v.url}`;
  // a route listed but not linked for this role may refuse it (403, as a page: checked like any other)
  if (v.status >= 400 && (v.linked || v.status !== 403)) problems.status.push(`${where}: HTTP ${v.status}`);
  const en = await clock('english', () => page.evaluate(englishCheck));
  if (en.bad.length) problems.english.push(`${where}: ${en.bad.slice(0, 8).map((s) => `“${s}”`).join(' ')}${en.bad.length > 8 ? ` … (${en.bad.length} in all)` : ''}`);
  if (en.share > MAX_CHINESE_SHARE) problems.share.push(`${where}: ${(en.share * 100).toFixed(0)}% Chinese`);
  const w = await clock('width', () => page.evaluate(widthCheck));
  if (w.over > 0) problems.width.push(`${where}: ${w.over}px wider than 390 px — ${w.culprits.join('; ')}`);
  // axe-core once per route: the pages of a route share their template (and it is the slow check)
  if (axed.has(v.route)) return;
  axed.add(v.route);
  const axe = await clock('axe', () => page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
  }));
  if (axe.length) problems.axe.push(`${where}: ${axe.join('; ')}`);
}

before(async () => {
  if (skip) return;
  h = await start();
  const patterns = routePatterns(h.app);
  const started = Date.now();
  const done = new Set<string>();
  for (const role of ROLES) {
    const ctx = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', bypassCSP: true });
    await ctx.addInitScript(AXE);
    await ctx.addInitScript('globalThis.__name ??= (f) => f;'); // tsx names the functions handed to evaluate() with a helper of its own
    const page = await ctx.newPage();
    if (role !== 'public') await h.loginAs(page, role);
    // records are visited once for the roles that read everything; a department and the public see their own
    await crawl(page, h.base, patterns, 'en', (v) => inspect(page, role, v), 2, role === 'dept1' || role === 'public' ? new Set() : done);
    await ctx.close();
  }
  process.stdout.write(`# crawled ${visited.length} pages of ${ROLES.length} roles in ${((Date.now() - started) / 1000).toFixed(1)} s (${JSON.stringify(timing)} ms)\n`);
});
after(async () => {
  if (!skip) await h.close();
});

const report = (list: string[]) => `${list.length} page(s):\n  ${list.join('\n  ')}`;

test('the crawl reaches every kind of page, each without an error', { skip }, () => {
  const routes = new Set(visited.map((v) => v.route));
  for (const r of ['/', '/indicators', '/indicators/:id', '/documents', '/documents/:id', '/plans/:documentId', '/projects/:id', '/search', '/public', '/login', '/review', '/supervision', '/notifications', '/departments/:unit', '/reports', '/issues'])
    assert.ok(routes.has(r), `no page of ${r} was reached (${[...routes].join(' ')})`);
  assert.deepEqual(problems.status, [], report(problems.status));
});

test('in English, Chinese appears only inside lang="zh" parts', { skip }, () => {
  assert.deepEqual(problems.english, [], report(problems.english));
});

test('in English, Chinese is a small share of each page', { skip }, () => {
  assert.deepEqual(problems.share, [], report(problems.share));
});

test('no page is wider than a 390 px phone screen', { skip }, () => {
  assert.deepEqual(problems.width, [], report(problems.width));
});

test('axe-core finds no violation on any page', { skip }, () => {
  assert.deepEqual(problems.axe, [], report(problems.axe));
});
