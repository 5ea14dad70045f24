// GET /admin/audit — the audit log, searchable and paged (administrators only).
import type { FastifyInstance } from 'fastify';
import { auditActions, searchAudit, type AuditQuery } from '../../../store/audit-search.js';
import { auditPage } from '../../../web/admin/audit.js';
import { query, sendPage } from '../pages/util.js';
import { ADMIN } from './common.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/audit', ADMIN, async (req, reply) => {
    const p = query(req);
    const cut = (s: string | undefined, n: number) => (s ? s.trim().slice(0, n) || undefined : undefined);
    const q: AuditQuery = { q: cut(p.q, 100), action: cut(p.action, 64), user: cut(p.user, 64), from: cut(p.from, 10), to: cut(p.to, 10), page: Math.min(Math.max(1, Math.floor(Number(p.page)) || 1), 10_000) };
    const bad = [q.from, q.to].find((d) => d && !DATE.test(d));
    const error = bad ? '日期应写作 2025-06-30' : undefined;
    if (bad) q.from = q.to = undefined;
    const { rows, more } = await searchAudit(app.store, q);
    return sendPage(error ? reply.code(400) : reply, '操作日志', auditPage({ viewer: req.viewer!, lang: req.lang, query: q, actions: await auditActions(app.store), rows, more, error }));
  });
}
