// Users, passwords (argon2id via @node-rs/argon2), sessions in the store, roles and per-unit rights.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/db.js';
import type { Viewer } from '../web/layout.js';

export const SESSION_COOKIE = 'lantu_sid';
const SESSION_HOURS = 12;
export type Role = Viewer['role'];
export const ROLES: Role[] = ['admin', 'planner', 'department', 'supervisor', 'leader'];

const id = () => randomBytes(18).toString('base64url');

export async function createUser(store: Store, u: { username: string; displayName: string; password: string; role: Role; units?: string[]; email?: string | null }): Promise<string> {
  if (!ROLES.includes(u.role)) throw new Error(`unknown role ${u.role}`);
  if (u.password.length < 10) throw new Error('password must have at least 10 characters');
  const userId = id();
  await store
    .insertInto('users')
    .values({ id: userId, username: u.username, display_name: u.displayName, password_hash: await hash(u.password), role: u.role, units: JSON.stringify(u.units ?? []), created_at: new Date().toISOString(), email: u.email ?? null })
    .execute();
  return userId;
}

/** Checks a password; the same work is done for an unknown user, so timing does not tell. */
export async function checkPassword(store: Store, username: string, password: string): Promise<string | undefined> {
  const u = await store.selectFrom('users').select(['id', 'password_hash', 'disabled']).where('username', '=', username).executeTakeFirst();
  const ok = await verify(u?.password_hash ?? '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$8y0zA2dbjVNTSpx2E06b6l8ZcCkVdcQy2V8Grn5Tz8E', password).catch(() => false);
  return u && ok && !u.disabled ? u.id : undefined;
}

export async function openSession(store: Store, userId: string): Promise<string> {
  const sid = id();
  const now = new Date();
  await store
    .insertInto('sessions')
    .values({ id: sid, user_id: userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_HOURS * 3600e3).toISOString() })
    .execute();
  return sid;
}

export async function closeSession(store: Store, sid: string): Promise<void> {
  await store.deleteFrom('sessions').where('id', '=', sid).execute();
}

export async function viewerOf(store: Store, sid: string | undefined): Promise<Viewer | undefined> {
  if (!sid) return undefined;
  const row = await store
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.units', 'sessions.expires_at'])
    .where('sessions.id', '=', sid)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row || row.expires_at < new Date().toISOString()) return undefined;
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, units: JSON.parse(row.units) };
}

/** A preHandler that lets only these roles through (others: 403; not logged in: to the login page). */
export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.viewer) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    if (roles.length && !roles.includes(req.viewer.role)) return reply.code(403).type('text/plain; charset=utf-8').send('403 无权访问');
  };
}

/** May this viewer change items of these units? Admins and planners may; a department user only its own. */
export function mayChangeUnits(viewer: Viewer, units: string[]): boolean {
  if (viewer.role === 'admin' || viewer.role === 'planner') return true;
  if (viewer.role !== 'department') return false;
  return units.some((u) => viewer.units.includes(u));
}
