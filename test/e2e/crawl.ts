// Every page a role can reach: the GET routes without parameters (from the application's route list),
// then every link of this site found on the pages visited, a few addresses per route (a route's pages
// share their template). Each page is checked in the browser by the caller's `inspect`.
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';

/** Addresses that are not pages: downloads, data files, scripts. */
const NOT_A_PAGE = /\.(csv|json|xlsx|docx|pdf|md|js|png|zip)(\?|$)|^\/(assets|reports\/file)\b|\/(evidence|download|attachments?)\b|\/template\b/;

/** The application's GET routes, as patterns ("/documents/:id"), from its route tree. */
export function routePatterns(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]*)\)/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const path = parent.endsWith('/') || m[2].startsWith('/') ? parent + m[2] : `${parent}/${m[2]}`;
    stack[depth] = path;
    if (/\bGET\b/.test(m[3]) && m[2] !== '*') out.push(path);
  }
  return out;
}

const regexOf = (pattern: string) => new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

export interface Visit {
  url: string;
  route: string;
  status: number;
  /** Reached through a link (not only listed among the routes). */
  linked: boolean;
}

/**
 * Visits the pages reachable for the page's logged-in user, in the language `lang`, at most `perRoute`
 * addresses per route; calls `inspect` on each HTML page. `done` carries the addresses of records
 * (routes with parameters) already inspected for an earlier role: they are not visited again, since
 * only the navigation differs between roles there (the routes without parameters are, for every role).
 */
export async function crawl(
  page: Page,
  base: string,
  patterns: string[],
  lang: 'en' | 'zh',
  inspect: (v: Visit) => Promise<void>,
  perRoute = 2,
  done = new Set<string>(),
): Promise<Visit[]> {
  const routes = patterns.filter((p) => !NOT_A_PAGE.test(p)).map((p) => ({ p, re: regexOf(p) }));
  const routeOf = (path: string) => routes.find((r) => r.re.test(path))?.p;
  const seen = new Set<string>();
  const perCount = new Map<string, number>();
  const queue: string[] = [];
  const visits: Visit[] = [];
  const linked = new Set<string>();
  const add = (href: string, link = true) => {
    const u = new URL(href, base);
    if (u.origin !== new URL(base).origin || NOT_A_PAGE.test(u.pathname)) return;
    u.searchParams.delete('lang');
    u.hash = '';
    const key = u.pathname + u.search;
    if (link) linked.add(key);
    if (seen.has(key) || done.has(key) || u.pathname === '/logout') return;
    const route = routeOf(u.pathname);
    if (!route || (perCount.get(route) ?? 0) >= perRoute) return;
    seen.add(key);
    perCount.set(route, (perCount.get(route) ?? 0) + 1);
    queue.push(key);
  };
  for (const r of routes) if (!r.p.includes(':')) add(r.p, false);
  while (queue.length) {
    const path = queue.shift()!;
    const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
    let status = 0;
    try {
      const r = await page.goto(url, { waitUntil: 'load' });
      status = r?.status() ?? 0;
      if (!/text\/html/.test(r?.headers()['content-type'] ?? '')) continue;
    } catch (e) {
      if (/download/i.test(String(e))) continue;
      throw e;
    }
    // a page reached by a redirect (the login page, for the public) is checked once
    const landed = new URL(page.url());
    landed.searchParams.delete('lang');
    if (landed.pathname + landed.search !== path && seen.has(`=>${landed.pathname}${landed.search}`)) continue;
    seen.add(`=>${landed.pathname}${landed.search}`);
    const visit = { url: path, route: routeOf(new URL(url).pathname) ?? path, status, linked: linked.has(path) };
    visits.push(visit);
    if (visit.route.includes(':')) done.add(path);
    await inspect(visit);
    for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''))) if (href.startsWith('/')) add(href);
  }
  return visits;
}
