// GET /assets/lantu-chart.js: the page script that draws the charts (the CSP allows no inline script).
import type { FastifyInstance } from 'fastify';
import { CHART_JS } from '../../../web/charts.js';

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/assets/lantu-chart.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CHART_JS),
  );
}
