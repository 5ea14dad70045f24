// What the administration routes share: the roles of each section, a form's fields (a repeated field as
// a list), the message code of the last action, and the redirect after an action (303, with its code).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../auth.js';
import { fields } from '../workflow/respond.js';
import type { Actor } from '../../../store/audit.js';

export const ADMIN = { preHandler: requireRole('admin') };
export const STEWARDS = { preHandler: requireRole('admin', 'planner') };
export const ANYONE = { preHandler: requireRole() };

export { fields };

/** A field sent several times (a multiple select), as a list of at most `max` strings. */
export function listField(req: FastifyRequest, name: string, max = 200): string[] {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').slice(0, max).map((s) => s.trim().slice(0, 200));
}

/** The code of the message to show (`?ok=`), if any. */
export const doneCode = (req: FastifyRequest): string | undefined => {
  const ok = (req.query as Record<string, unknown> | undefined)?.ok;
  return typeof ok === 'string' ? ok.slice(0, 40) : undefined;
};

/** After an action: back to a page, with the code of its message. */
export const done = (reply: FastifyReply, path: string, code: string) => reply.redirect(`${path}${path.includes('?') ? '&' : '?'}ok=${code}`, 303);

export const actorOf = (req: FastifyRequest): Actor => ({ id: req.viewer!.id, username: req.viewer!.username });

export const param = (req: FastifyRequest, name = 'id'): string => String((req.params as Record<string, string>)[name] ?? '').slice(0, 300);
