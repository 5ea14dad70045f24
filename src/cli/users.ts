// `lantu user add|passwd|email|list`: the web application's users from the command line (the first
// administrator of a new installation, a forgotten password). A password is never an argument: it is
// typed at a hidden prompt (twice) or read as the first line of standard input (`echo … | lantu user add`).
import { read } from 'read';
import { openStore } from '../store/db.js';
import { ROLES, type Role } from '../server/auth.js';
import { addUser, listUsers, ROLE_LABEL, setPassword, updateUser, UserError } from '../server/users.js';
import { renderTable } from './table.js';

const CLI = { username: 'cli' };

/** The password: at a hidden prompt when a terminal is attached, else the first line of stdin. */
async function password(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await read({ prompt: '密码 / password: ', silent: true, replace: '*' });
    const again = await read({ prompt: '再次输入 / again: ', silent: true, replace: '*' });
    if (first !== again) throw new UserError('两次输入的密码不一致 / the two passwords differ');
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n') || text.length > 1000) break;
  }
  return text.split(/\r?\n/)[0];
}

async function run(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<number>): Promise<number> {
  const store = await openStore();
  try {
    return await fn(store);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    process.stderr.write(`lantu: ${e.message}\n`);
    return 2;
  } finally {
    await store.destroy();
  }
}

export async function runUserAdd(username: string, opts: { role: string; name?: string; unit?: string[]; email?: string }): Promise<number> {
  if (!ROLES.includes(opts.role as Role)) {
    process.stderr.write(`lantu: 角色“${opts.role}”无效，应为 ${ROLES.join('、')} 之一 / unknown role\n`);
    return 2;
  }
  return run(async (store) => {
    const pw = await password();
    await addUser(store, { username, displayName: opts.name ?? username, role: opts.role, units: opts.unit ?? [], email: opts.email, password: pw }, CLI);
    process.stdout.write(`已创建用户 ${username}（${ROLE_LABEL[opts.role as Role]}） / user ${username} created\n`);
    return 0;
  });
}

async function named(store: Awaited<ReturnType<typeof openStore>>, username: string) {
  const u = (await listUsers(store)).find((x) => x.username === username);
  if (!u) throw new UserError(`没有用户“${username}”（见 lantu user list） / no such user`);
  return u;
}

export async function runUserPasswd(username: string): Promise<number> {
  return run(async (store) => {
    const u = await named(store, username);
    await setPassword(store, u.id, await password(), CLI);
    process.stdout.write(`已设置 ${username} 的密码，其登录已全部结束 / password of ${username} set, their sessions ended\n`);
    return 0;
  });
}

export async function runUserEmail(username: string, address: string): Promise<number> {
  return run(async (store) => {
    const u = await named(store, username);
    await updateUser(store, u.id, { displayName: u.displayName, role: u.role, units: u.units, email: address }, CLI);
    process.stdout.write(address ? `已设置 ${username} 的电子邮件地址 ${address} / e-mail of ${username} set\n` : `已清除 ${username} 的电子邮件地址 / e-mail of ${username} cleared\n`);
    return 0;
  });
}

export async function runUserList(opts: { json?: boolean }): Promise<number> {
  return run(async (store) => {
    const users = await listUsers(store);
    if (opts.json) process.stdout.write(JSON.stringify({ users }, null, 2) + '\n');
    else process.stdout.write(renderTable(['用户名', '姓名', '角色', '责任单位', '电子邮件', '状态'], users.map((u) => [u.username, u.displayName, u.role, u.units.join('、'), u.email ?? '', u.disabled ? '已停用' : '正常'])) + '\n');
    return 0;
  });
}
