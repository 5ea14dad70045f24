// The reporting workflow: department pages and progress updates, review, supervision (督办 notices),
// reminders. Routes:
//   GET  /my (department: 我的任务, where `/` leads), /calendar (the reporting calendar)
//   GET  /departments, /departments/:unit          any logged-in user (updates of own units only for departments)
//   GET  /updates/new, /updates/:id/edit           the reporting form on a page of its own
//   POST /updates, /updates/:id/resubmit           department (own units), planner, admin
//   POST /updates/:id/approve, /updates/:id/return planner, admin
//   GET  /updates/:id/evidence                     any logged-in user who may read the unit
//   GET  /review                                   planner, admin (review); supervisor, leader (read)
//   GET  /supervision                              supervisor, admin, leader, planner
//   GET  /notices/new; POST /notices, /notices/:id/close   supervisor, admin (numbered, with an attachment)
//   GET  /notices/:id, /notices/:id/print, /notices/:id/files/:fid   who may read the notice's unit
//   POST /notices/:id/reply                        department of the notice's unit (admin too); the issuer is told
//   GET  /notifications                            any logged-in user
import type { FastifyInstance } from 'fastify';
import { departmentRoutes } from './departments.js';
import { reviewRoutes } from './review.js';
import { supervisionRoutes } from './supervision.js';
import { noticeRoutes } from './notices.js';
import { myRoutes } from './my.js';
import { updateRoutes } from './updates.js';

export async function routes(app: FastifyInstance): Promise<void> {
  await myRoutes(app);
  await departmentRoutes(app);
  await updateRoutes(app);
  await reviewRoutes(app);
  await supervisionRoutes(app);
  await noticeRoutes(app);
}
