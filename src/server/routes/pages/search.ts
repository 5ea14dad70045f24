// GET /search?q=: full-text search over documents, facts, tasks and projects.
import type { FastifyInstance } from 'fastify';
import { search } from '../../search.js';
import { searchPage } from '../../../web/pages/search.js';
import { loggedIn, query, sendPage } from './util.js';

const LIMIT = 50;

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/search', loggedIn, async (req, reply) => {
    const q = (query(req).q ?? '').slice(0, 200);
    const results = q.trim() ? await search(app.store, q, LIMIT) : undefined;
    return sendPage(reply, q.trim() ? `搜索：${q.trim()}` : '搜索', searchPage(q, results, LIMIT));
  });
}
