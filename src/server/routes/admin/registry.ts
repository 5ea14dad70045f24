// GET /admin/registry — the indicator registry; GET /admin/registry/:id and POST /admin/registry/:id — an
// indicator's name, synonyms and direction edited (planners, administrators; audited; the derived data is
// rebuilt at once: monitor/registry-edits.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { indicators, searchIndicators } from '../../../monitor/registry.js';
import { loadEdits } from '../../../monitor/registry-store.js';
import { editIndicator, RegistryError } from '../../../monitor/registry-edits.js';
import { indicatorForm, registryPage } from '../../../web/admin/registry.js';
import { notFound, query, sendPage } from '../pages/util.js';
import { actorOf, done, doneCode, fields, param, STEWARDS } from './common.js';

export async function registryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/registry', STEWARDS, async (req, reply) => {
    await loadEdits(app.store);
    const q = query(req).q?.trim().slice(0, 60) || undefined;
    const edits = new Map((await app.store.selectFrom('indicator_edits').selectAll().execute()).map((e) => [e.indicator_id, e]));
    return sendPage(reply, '指标库', registryPage({ viewer: req.viewer!, lang: req.lang, q, defs: q ? searchIndicators(q, 0.5) : indicators(), edits }));
  });

  const form = async (req: FastifyRequest, reply: FastifyReply, typed?: { name: string; synonyms: string; direction: string }, e?: RegistryError) => {
    await loadEdits(app.store);
    const def = indicators().find((d) => d.id === param(req));
    if (!def) return notFound(reply, '指标');
    const values = typed ?? { name: def.name, synonyms: def.synonyms.join('\n'), direction: def.direction };
    return sendPage(reply, '指标库', indicatorForm({ viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, def, values, done: doneCode(req), error: e?.message, field: e?.field }));
  };
  app.get('/admin/registry/:id', STEWARDS, (req, reply) => form(req, reply));

  app.post('/admin/registry/:id', STEWARDS, async (req, reply) => {
    const f = fields(req);
    const typed = { name: (f.name ?? '').slice(0, 200), synonyms: (f.synonyms ?? '').slice(0, 10_000), direction: f.direction ?? '' };
    try {
      await editIndicator(app.store, param(req), { name: typed.name, synonyms: typed.synonyms.split(/[\r\n]+/), direction: typed.direction }, actorOf(req));
    } catch (e) {
      if (e instanceof RegistryError) return e.field ? form(req, reply.code(400), typed, e) : notFound(reply, '指标');
      throw e;
    }
    return done(reply, `/admin/registry/${encodeURIComponent(param(req))}`, 'indicator-saved');
  });
}
