// GET /projects (the list, ?name= to find one by a piece of its name or an abbreviation) and
// GET /projects/:id (one project's timeline). Every logged-in role may read them; the public may not,
// since each stage links to the stored document, which only logged-in users open.
import type { FastifyInstance } from 'fastify';
import { readProjects } from '../../../monitor/projects/store.js';
import { projectList, projectPage } from '../../../web/pages/projects.js';
import { loggedIn, notFound, query, sendPage } from './util.js';

export async function routes(app: FastifyInstance): Promise<void> {
  const store = app.store;

  app.get('/projects', loggedIn, async (req, reply) => {
    const name = (query(req).name ?? '').trim().slice(0, 50);
    return sendPage(reply, '项目', projectList(await readProjects(store, { name: name || undefined }), name, req.lang));
  });

  app.get('/projects/:id', loggedIn, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const [p] = await readProjects(store, { id });
    if (!p) return notFound(reply, '该项目');
    return sendPage(reply, { label: '项目', subject: p.core }, projectPage(p, req.lang));
  });
}
