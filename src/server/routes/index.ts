// Every page of the application, registered in one place.
import type { FastifyInstance } from 'fastify';

/** Page modules: each exports `async function routes(app)`. */
const modules: Array<() => Promise<{ routes: (app: FastifyInstance) => Promise<void> }>> = [
  () => import('./pages/assets.js'),
  () => import('./pages/overview.js'),
  () => import('./pages/indicators.js'),
  () => import('./pages/plans.js'),
  () => import('./pages/projects.js'),
  () => import('./pages/documents.js'),
  () => import('./pages/search.js'),
  () => import('./pages/issues.js'),
  () => import('./pages/public.js'),
  () => import('./workflow/index.js'),
  () => import('./exchange.js'),
  () => import('./opendata.js'),
  () => import('./admin/index.js'),
];

export async function registerPages(app: FastifyInstance): Promise<void> {
  for (const load of modules) await (await load()).routes(app);
}
