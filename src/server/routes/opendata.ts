// Open data on the web, without login: the CSV files of indicators, targets, actuals and statuses and
// one tidy table per indicator and their Frictionless descriptor, as `lantu opendata` writes them.
import type { FastifyInstance } from 'fastify';
import { csv, descriptorOf, openDataResources } from '../../report/opendata.js';

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/public/opendata/datapackage.json', async (req, reply) => {
    const resources = await openDataResources(app.store);
    return reply.type('application/json; charset=utf-8').send(await descriptorOf(app.store, resources));
  });
  app.get('/public/opendata/:name.csv', async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const r = (await openDataResources(app.store)).find((x) => x.name === name);
    if (!r) return reply.code(404).type('text/plain; charset=utf-8').send('404 没有这个数据文件');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${r.name}.csv"`).send(csv(r.fields, r.rows));
  });
}
