// The lantu command as commander describes it: its commands, options and help in Chinese with English,
// nothing run yet (main.ts parses the arguments). Reading it loads no command's module.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { speakChinese } from './help.js';
import { documentCommands } from './commands/documents.js';
import { monitorCommands } from './commands/monitor.js';
import { userCommands } from './commands/users.js';

export function lantuProgram(): Command {
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const program = speakChinese(new Command())
    .name('lantu')
    .description('蓝图 Lantu — 规划实施监测评估系统：把规划、工作报告和分工方案读成可追溯的记录 / read plans, reports and task-division documents into traceable records')
    .version(version, '-V, --version', '显示版本 / print the version')
    .option('--debug', '出错时显示完整的调用栈 / print the stack of an error')
    .exitOverride();
  documentCommands(program);
  monitorCommands(program);
  userCommands(program);
  return program;
}
