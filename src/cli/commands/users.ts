// The user commands of lantu (user add, passwd, email, list): arguments and help in Chinese and English. The
// password is typed at a hidden prompt or piped on standard input, never given as an argument.
import type { Command } from 'commander';
import { exit } from './exit.js';

const users = () => import('../users.js');
const collect = (v: string, prev: string[] = []) => [...prev, v];

export function userCommands(program: Command): void {
  const user = program.command('user').description('网页应用的用户：创建、设置密码、列出 / the users of the web application: add, set a password, list');
  user
    .command('add')
    .description('创建用户；密码在提示处输入（两次）或从标准输入读第一行 / create a user; the password is typed at a prompt (twice) or read from stdin')
    .argument('<username>', '登录用的用户名 / the name to log in with')
    .requiredOption('--role <role>', 'admin、planner、department、supervisor 或 leader / the role')
    .option('--name <name>', '姓名或单位名称（默认为用户名） / the name shown (default: the user name)')
    .option('--unit <unit>', '绑定的责任单位，可重复；department 角色必填 / a responsible unit, repeatable; required for department', collect)
    .option('--email <address>', '提醒和通知发到的电子邮件地址 / where reminders and notifications are mailed')
    .action(async (username: string, opts: { role: string; name?: string; unit?: string[]; email?: string }) => exit((await users()).runUserAdd(username, opts)));
  user
    .command('email')
    .description('设置或清除用户的电子邮件地址（提醒和通知发到这里） / set or clear the e-mail address reminders and notifications are mailed to')
    .argument('<username>', '用户名 / the user name')
    .argument('[address]', '电子邮件地址；省略则清除 / the address; omitted: cleared')
    .action(async (username: string, address?: string) => exit((await users()).runUserEmail(username, address ?? '')));
  user
    .command('passwd')
    .description('设置用户的新密码（在提示处输入或从标准输入读），其登录全部结束 / set a user\'s password (prompt or stdin); their sessions end')
    .argument('<username>', '用户名 / the user name')
    .action(async (username: string) => exit((await users()).runUserPasswd(username)));
  user
    .command('list')
    .description('列出用户及其角色、责任单位和状态 / the users with their role, units and state')
    .option('--json', '输出 {"users": [...]} / print {"users": [...]} as JSON')
    .action(async (opts: { json?: boolean }) => exit((await users()).runUserList(opts)));
}
