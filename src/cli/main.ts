#!/usr/bin/env node
// The lantu command.
import { Command } from 'commander';
import { runExtract } from './extract.js';
import { runStart } from './start.js';

const program = new Command();
program.name('lantu').description('蓝图 Lantu — 规划实施监测评估系统: read plans, reports and task-division documents into traceable records');

program
  .command('extract')
  .description('read documents (.txt UTF-8/GBK, .docx, .pdf) and print their structure')
  .argument('<files...>', 'files to read')
  .option('--json', 'print {"documents": [...]} as JSON')
  .option('--text', 'print the repaired text of each document, each paragraph with its original line')
  .action(async (files: string[], opts: { json?: boolean; text?: boolean }) => {
    process.exitCode = await runExtract(files, opts);
  });

program
  .command('start')
  .description('start the system on its embedded default with the sample documents')
  .action(async () => {
    process.exitCode = await runStart();
  });

await program.parseAsync(process.argv);
