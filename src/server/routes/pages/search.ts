// GET /search?q=&page=: full-text search over documents, facts, tasks and projects, the lines a page at a
// time; a query asked again before the store changes is answered from the page cache.
import type { FastifyInstance } from 'fastify';
import { maxPages, search } from '../../search.js';
import { searchPage, QUERY_MAX } from '../../../web/pages/search.js';
import { keptPage, loggedIn, query } from './util.js';

const PAGE_SIZE = 50;

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/search', loggedIn, keptPage(async (req) => {
    const params = query(req);
    const q = [...(params.q ?? '')].slice(0, QUERY_MAX).join('');
    const page = Math.min(Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1), maxPages(PAGE_SIZE));
    const results = q.trim() ? await search(app.store, q, PAGE_SIZE, page) : undefined;
    return { title: q.trim() ? { label: '搜索', subject: q.trim() } : '搜索', body: searchPage(q, results, PAGE_SIZE, req.lang) };
  }));
}
