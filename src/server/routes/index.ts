// Every page of the application, registered in one place.
import type { FastifyInstance } from 'fastify';

/** Page modules: each exports `async function routes(app)`. */
const modules: Array<() => Promise<{ routes: (app: FastifyInstance) => Promise<void> }>> = [];

export async function registerPages(app: FastifyInstance): Promise<void> {
  for (const load of modules) await (await load()).routes(app);
}
