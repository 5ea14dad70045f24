// The reporting workflow: department pages and progress updates, review, supervision (督办 notices),
// reminders. Routes:
//   GET  /departments, /departments/:unit          any logged-in user (updates of own units only for departments)
//   POST /updates, /updates/:id/resubmit           department (own units), planner, admin
//   POST /updates/:id/approve, /updates/:id/return planner, admin
//   GET  /updates/:id/evidence                     any logged-in user who may read the unit
//   GET  /review                                   planner, admin (review); supervisor, leader (read)
//   GET  /supervision                              supervisor, admin, leader, planner
//   POST /notices, /notices/:id/close              supervisor, admin
//   GET  /notices/:id; POST /notices/:id/reply     department of the notice's unit (admin too)
//   GET  /notifications                            any logged-in user
import type { FastifyInstance } from 'fastify';
import { departmentRoutes } from './departments.js';
import { reviewRoutes } from './review.js';
import { supervisionRoutes } from './supervision.js';
import { noticeRoutes } from './notices.js';
import { updateRoutes } from './updates.js';

export async function routes(app: FastifyInstance): Promise<void> {
  await departmentRoutes(app);
  await updateRoutes(app);
  await reviewRoutes(app);
  await supervisionRoutes(app);
  await noticeRoutes(app);
}
