// Administration and data stewardship in the browser: users and one's own password, the audit log,
// document upload, the indicator registry, and the responsible units of targets. Each module checks the
// viewer's role on every route; every change is audited.
import type { FastifyInstance } from 'fastify';
import { userRoutes } from './users.js';
import { auditRoutes } from './audit.js';
import { STEWARDS } from './common.js';
import { targetRoutes } from './targets.js';
import { registryRoutes } from './registry.js';
import { uploadRoutes } from './uploads.js';

export async function routes(app: FastifyInstance): Promise<void> {
  app.get('/admin', STEWARDS, async (req, reply) => reply.redirect(req.viewer!.role === 'admin' ? '/admin/users' : '/admin/uploads'));
  await userRoutes(app);
  await auditRoutes(app);
  await targetRoutes(app);
  await registryRoutes(app);
  await uploadRoutes(app);
}
