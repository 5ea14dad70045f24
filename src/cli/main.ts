#!/usr/bin/env node
// The lantu command. Arguments are checked first (args.ts: a usage error exits 2, its message in Chinese
// with the English after: help.ts); a failure is one line on stderr (the stack only with --debug or
// LANTU_DEBUG=1), exit 1. Each command loads its module when it runs, so `lantu --help` starts at once.
import { CommanderError } from 'commander';
import { lantuProgram } from './program.js';

// a reader that stops early (lantu status | head) ends the output, not in an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const debug = process.argv.includes('--debug') || /^(1|true)$/i.test(process.env.LANTU_DEBUG ?? '');
try {
  await lantuProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version end well; any other is a usage error, whose message commander has printed
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : e.code === 'commander.help' ? e.exitCode : 2;
  } else {
    const { describeError } = await import('../store/db.js');
    process.stderr.write(`lantu: 错误 / error: ${describeError(e)}${debug ? '' : '（加 --debug 查看详情 / --debug for details）'}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
