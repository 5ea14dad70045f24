// Managing users (the web application's 用户管理 and `lantu user`): create, change role, bound units and
// name, disable or enable, reset a password, change one's own. Every change is checked here (messages in
// Chinese that say which field), written with its audit entry in one transaction, and never leaves the
// store without an enabled administrator. Disabling a user or setting a password ends their sessions.
import { hash, verify } from '@node-rs/argon2';
import { inTransaction, type Store } from '../store/db.js';
import { audit, type Actor } from '../store/audit.js';
import { unitCatalogue } from '../monitor/assign.js';
import { createUser, ROLES, type Role } from './auth.js';

export class UserError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

export const ROLE_LABEL: Record<Role, string> = { admin: '系统管理员', planner: '规划部门', department: '责任单位', supervisor: '督查室', leader: '领导' };
export const MIN_PASSWORD = 10;
const MAX_PASSWORD = 200;
const USERNAME = /^[\p{L}\p{N}._-]{2,40}$/u;

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  units: string[];
  disabled: boolean;
  createdAt: string;
  /** Where reminders and notifications are mailed; none: shown in the application only. */
  email: string | null;
}

export interface UserInput {
  displayName: string;
  role: string;
  units: string[];
  /** Empty or absent: no e-mail. */
  email?: string;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** Who may see it: no password hashes. */
export async function listUsers(store: Store): Promise<UserRow[]> {
  const rows = await store.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'units', 'disabled', 'created_at', 'email']).orderBy('username').execute();
  return rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, units: JSON.parse(u.units), disabled: !!u.disabled, createdAt: u.created_at, email: u.email ?? null }));
}

export async function userById(store: Store, id: string): Promise<UserRow | undefined> {
  return (await listUsers(store)).find((u) => u.id === id);
}

export function checkPasswordRule(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD) throw new UserError(`密码至少 ${MIN_PASSWORD} 个字符`, field);
  if (password.length > MAX_PASSWORD) throw new UserError(`密码不能超过 ${MAX_PASSWORD} 个字符`, field);
}

/** The checked role, name, units (a department user needs units of the catalogue; other roles have none) and e-mail. */
async function checked(store: Store, input: UserInput): Promise<{ displayName: string; role: Role; units: string[]; email: string | null }> {
  const email = (input.email ?? '').trim() || null;
  if (email && (email.length > 200 || !EMAIL.test(email))) throw new UserError('电子邮件地址无效，应形如 name@example.gov.cn', 'email');
  const displayName = input.displayName.trim();
  if (!displayName) throw new UserError('请填写姓名或单位名称', 'displayName');
  if (displayName.length > 100) throw new UserError('姓名不能超过 100 个字符', 'displayName');
  if (!ROLES.includes(input.role as Role)) throw new UserError(`角色“${input.role}”无效，应为 ${ROLES.join('、')} 之一`, 'role');
  const role = input.role as Role;
  const units = [...new Set(input.units.map((u) => u.trim()).filter(Boolean))];
  if (role !== 'department') return { displayName, role, units: [], email };
  if (!units.length) throw new UserError('责任单位用户须绑定至少一个责任单位', 'units');
  const known = new Set(await unitCatalogue(store));
  const unknown = units.filter((u) => !known.has(u));
  if (unknown.length) throw new UserError(`没有责任单位“${unknown.join('”“')}”（只能绑定任务或指标目标中的责任单位）`, 'units');
  return { displayName, role, units, email };
}

export async function addUser(store: Store, input: UserInput & { username: string; password: string }, actor: Actor): Promise<string> {
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw new UserError('用户名应为 2–40 个字母、数字、点、下划线或连字符', 'username');
  checkPasswordRule(input.password);
  const u = await checked(store, input);
  if (await store.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) throw new UserError(`用户名“${username}”已存在`, 'username');
  const id = await createUser(store, { username, displayName: u.displayName, password: input.password, role: u.role, units: u.units, email: u.email });
  await audit(store, actor, 'user-add', 'user', id, undefined, { username, ...u });
  return id;
}

/** Would this change leave no enabled administrator? */
async function lastAdmin(store: Store, id: string): Promise<boolean> {
  const admins = await store.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
  return admins.length === 1 && admins[0].id === id;
}

async function existing(store: Store, id: string): Promise<UserRow> {
  const u = await userById(store, id);
  if (!u) throw new UserError('没有这个用户');
  return u;
}

export async function updateUser(store: Store, id: string, input: UserInput, actor: Actor): Promise<void> {
  const before = await existing(store, id);
  const u = await checked(store, input);
  if (before.role === 'admin' && u.role !== 'admin' && (await lastAdmin(store, id))) throw new UserError('不能取消最后一位系统管理员的管理员角色', 'role');
  await inTransaction(store, async (trx) => {
    await trx.updateTable('users').set({ display_name: u.displayName, role: u.role, units: JSON.stringify(u.units), email: u.email }).where('id', '=', id).execute();
    // a new role or new units take effect at the next login: the sessions opened with the old ones end
    if (before.role !== u.role || before.units.join('|') !== u.units.join('|')) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit(trx, actor, 'user-update', 'user', id, { displayName: before.displayName, role: before.role, units: before.units, email: before.email }, u);
  });
}

export async function setDisabled(store: Store, id: string, disabled: boolean, actor: Actor): Promise<void> {
  const before = await existing(store, id);
  if (disabled && before.role === 'admin' && (await lastAdmin(store, id))) throw new UserError('不能停用最后一位系统管理员');
  await inTransaction(store, async (trx) => {
    await trx.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit(trx, actor, disabled ? 'user-disable' : 'user-enable', 'user', id, { disabled: before.disabled }, { disabled });
  });
}

/** Sets a password (an administrator's reset, or one's own change): every session of the user ends but `keepSession`. */
export async function setPassword(store: Store, id: string, password: string, actor: Actor, keepSession?: string): Promise<void> {
  await existing(store, id);
  checkPasswordRule(password);
  const password_hash = await hash(password);
  await inTransaction(store, async (trx) => {
    await trx.updateTable('users').set({ password_hash }).where('id', '=', id).execute();
    let q = trx.deleteFrom('sessions').where('user_id', '=', id);
    if (keepSession) q = q.where('id', '!=', keepSession);
    await q.execute();
    await audit(trx, actor, actor.id === id ? 'password-change' : 'password-reset', 'user', id, undefined, undefined);
  });
}

/** One's own password: the old one must be right, the new one typed twice alike. */
export async function changeOwnPassword(store: Store, id: string, f: { old: string; password: string; confirm: string }, sid: string | undefined, actor: Actor): Promise<void> {
  const row = await store.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  if (!row || !(await verify(row.password_hash, f.old).catch(() => false))) throw new UserError('原密码不正确', 'old');
  if (f.password !== f.confirm) throw new UserError('两次输入的新密码不一致', 'confirm');
  if (f.password === f.old) throw new UserError('新密码不能与原密码相同', 'password');
  await setPassword(store, id, f.password, actor, sid);
}
