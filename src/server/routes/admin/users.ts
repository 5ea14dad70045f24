// Users in the browser. Administrators only: GET /admin/users (the list and a form to create one),
// POST /admin/users, GET /admin/users/:id, POST /admin/users/:id (role, units, name),
// POST /admin/users/:id/password (reset), POST /admin/users/:id/disable|enable. Everyone logged in:
// GET /account, POST /account/password (the old password required). All audited (server/users.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../auth.js';
import { LoginLimiter } from '../../login-limit.js';
import { addUser, changeOwnPassword, listUsers, setDisabled, setPassword, updateUser, userById, UserError } from '../../users.js';
import { unitCatalogue } from '../../../monitor/assign.js';
import { accountPage, userPage, usersPage, type UserFormState, type UserView } from '../../../web/admin/users.js';
import { notFound, sendPage } from '../pages/util.js';
import { actorOf, ADMIN, ANYONE, done, doneCode, fields, listField, param } from './common.js';
import { ts } from '../../../web/i18n.js';

/** The form as typed (no password), for a refused form to show again. */
const typed = (req: FastifyRequest, e: UserError): UserFormState => {
  const { password: _p, _csrf, ...values } = fields(req);
  return { values, units: listField(req, 'units'), error: e.message, field: e.field };
};

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const list = async (req: FastifyRequest, reply: FastifyReply, form?: UserFormState) => {
    const view = { viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, users: await listUsers(app.store), catalogue: await unitCatalogue(app.store), done: doneCode(req), form };
    return sendPage(reply, '用户管理', usersPage(view));
  };
  app.get('/admin/users', ADMIN, (req, reply) => list(req, reply));

  app.post('/admin/users', ADMIN, async (req, reply) => {
    const f = fields(req);
    try {
      const id = await addUser(app.store, { username: f.username ?? '', displayName: f.displayName ?? '', role: f.role ?? '', units: listField(req, 'units'), email: f.email ?? '', password: f.password ?? '' }, actorOf(req));
      return done(reply, `/admin/users/${encodeURIComponent(id)}`, 'user-added');
    } catch (e) {
      if (e instanceof UserError) return list(req, reply.code(400), typed(req, e));
      throw e;
    }
  });

  const one = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<UserView> = {}) => {
    const user = await userById(app.store, param(req));
    if (!user) return notFound(reply, '用户');
    return sendPage(reply, '用户', userPage({ viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, user, catalogue: await unitCatalogue(app.store), done: doneCode(req), ...extra }));
  };
  app.get('/admin/users/:id', ADMIN, (req, reply) => one(req, reply));

  /** Runs a change of the user :id; a refused one shows the user's page again with the error at its form. */
  const change = (which: UserView['which'], run: (req: FastifyRequest, id: string) => Promise<unknown>, code: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    const id = param(req);
    if (!(await userById(app.store, id))) return notFound(reply, '用户');
    try {
      await run(req, id);
    } catch (e) {
      if (e instanceof UserError) return one(req, reply.code(400), { which, form: typed(req, e) });
      throw e;
    }
    return done(reply, `/admin/users/${encodeURIComponent(id)}`, code);
  };
  app.post('/admin/users/:id', ADMIN, change('edit', (req, id) => updateUser(app.store, id, { displayName: fields(req).displayName ?? '', role: fields(req).role ?? '', units: listField(req, 'units'), email: fields(req).email ?? '' }, actorOf(req)), 'user-updated'));
  app.post('/admin/users/:id/password', ADMIN, change('password', (req, id) => setPassword(app.store, id, fields(req).password ?? '', actorOf(req), id === req.viewer!.id ? sessionId(req) : undefined), 'password-reset'));
  app.post('/admin/users/:id/disable', ADMIN, change('state', async (req, id) => {
    if (id === req.viewer!.id) throw new UserError('不能停用自己的账户');
    await setDisabled(app.store, id, true, actorOf(req));
  }, 'user-disabled'));
  app.post('/admin/users/:id/enable', ADMIN, change('state', (req, id) => setDisabled(app.store, id, false, actorOf(req)), 'user-enabled'));

  // one's own password
  app.get('/account', ANYONE, async (req, reply) => sendPage(reply, '修改密码', accountPage({ viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, done: doneCode(req) })));
  // a wrong old password counts as a failed login of the account: a stolen session cannot guess it at will
  const limiter = new LoginLimiter(app.store, app.lantu.loginRateLimit ?? 10, (app.lantu.loginRateLimit ?? 10) * 3);
  app.post('/account/password', ANYONE, async (req, reply) => {
    const f = fields(req);
    const refuse = (e: UserError, code = 400) => sendPage(reply.code(code), '修改密码', accountPage({ viewer: req.viewer!, lang: req.lang, csrf: reply.ctx().csrf, error: e.message, field: e.field }));
    const wait = await limiter.retryAfter(req.viewer!.username, req.ip);
    if (wait) return refuse(new UserError(ts('密码输错次数过多，请 {wait} 秒后再试', req.lang, { wait })), 429);
    try {
      await changeOwnPassword(app.store, req.viewer!.id, { old: f.old ?? '', password: f.password ?? '', confirm: f.confirm ?? '' }, sessionId(req), actorOf(req));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      if (e.field === 'old') await limiter.failed(req.viewer!.username, req.ip);
      return refuse(e);
    }
    return done(reply, '/account', 'password-changed');
  });
}

/** The id of this request's session (kept when its user changes their own password). */
function sessionId(req: FastifyRequest): string | undefined {
  const c = req.cookies[SESSION_COOKIE] ? req.unsignCookie(req.cookies[SESSION_COOKIE]) : undefined;
  return c?.valid && c.value ? c.value : undefined;
}
