#!/usr/bin/env node
// The lantu command. Arguments are checked first (args.ts: a usage error exits 2); a failure is one
// line on stderr (the stack only with --debug or LANTU_DEBUG=1), exit 1.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { parseChoice, parseDate, parseNumber, parseYear } from './args.js';
import { describeError } from '../store/db.js';
import { runExtract } from './extract.js';
import { runStart } from './start.js';
import { runIngest } from './ingest.js';
import { runServe } from './serve.js';
import { runBackup, runRestore } from './backup.js';
import { runOpenData } from './opendata.js';
import { runActualAdd, runActualImport, runDepartments, runExport, runIndicators, runIssues, runLink, runSettle, runStatus, runTargets, runWarnings } from './monitor.js';
import { runReport } from './report.js';
import { runProjects } from './projects.js';
import { runExcelImport, runExcelTemplate } from './excel.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const program = new Command();
program
  .name('lantu')
  .description('蓝图 Lantu — 规划实施监测评估系统: read plans, reports and task-division documents into traceable records')
  .version(version, '-V, --version', '显示版本 / print the version')
  .option('--debug', '出错时显示完整的调用栈 / print the stack of an error')
  .exitOverride();

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
  .command('ingest')
  .description('read documents (files or directories) into the store: the embedded default, or LANTU_DATABASE_URL')
  .argument('<paths...>', 'files or directories')
  .action(async (paths: string[]) => {
    process.exitCode = await runIngest(paths);
  });

program
  .command('indicators')
  .description('the indicator registry (vocab/indicators.json), with how many targets each has')
  .option('--search <text>', 'only the indicators whose id, name or synonyms match TEXT, best first')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runIndicators(opts);
  });

program
  .command('status')
  .description('where each target stands: achieved / on track / at risk / off track / not assessable / no data, with the reason')
  .option('--region <region>', 'only this region (格尔木市)')
  .option('--year <year>', 'only targets for this year', parseYear)
  .option('--as-of <date>', 'judge as of this ISO date (default: today)', parseDate)
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runStatus(opts);
  });

program
  .command('targets')
  .description('the target–actual table of one indicator over the years, met or missed')
  .requiredOption('--indicator <name>', 'an indicator id, name or synonym (地区生产总值增长)')
  .option('--region <region>', 'only this region')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runTargets(opts);
  });

program
  .command('export')
  .description('indicators, targets, actuals and statuses as CSV or JSON')
  .option('--format <format>', 'csv or json', parseChoice(['csv', 'json']), 'json')
  .action(async (opts) => {
    process.exitCode = await runExport(opts);
  });

program
  .command('warnings')
  .description('early warning: targets off track, at risk or without data; binding (约束性) indicators first')
  .option('--region <region>', 'only this region')
  .option('--as-of <date>', 'judge as of this ISO date (default: today)', parseDate)
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runWarnings(opts);
  });

program
  .command('departments')
  .description('the responsible units named by the tasks, with how many tasks each leads, answers for and supports')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runDepartments(opts);
  });

program
  .command('issues')
  .description('conflicts, name drift and breaks of statistical basis found in the documents, for a person to settle')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    process.exitCode = await runIssues(opts);
  })
  .command('settle')
  .description('settle a conflict between statements of one target: the statement at FILE:LINE is authoritative (kept across re-ingest, audited)')
  .argument('<id>', 'the issue id (see lantu issues --json)')
  .requiredOption('--choose <place>', 'FILE:LINE of the authoritative statement')
  .action(async (id: string, opts: { choose: string }) => {
    process.exitCode = await runSettle(id, opts.choose);
  });

program
  .command('projects')
  .description('projects followed across documents and years: core name, aliases, capacity, stage now, timeline with sources')
  .option('--name <text>', 'only projects whose name holds this (an abbreviation works: 抽蓄)')
  .option('--json', 'print {"projects": [...]} as JSON')
  .action(async (opts) => {
    process.exitCode = await runProjects(opts);
  });

program
  .command('link')
  .description('link a fact or table row to an indicator by hand (kept across refreshes)')
  .argument('<subject>', 'a fact id or table row id (see extract --json / export)')
  .argument('<indicator>', 'an indicator id, name or synonym')
  .action(async (subject: string, indicator: string) => {
    process.exitCode = await runLink(subject, indicator);
  });

const actual = program.command('actual').description('actual values entered by hand');
actual
  .command('add')
  .requiredOption('--indicator <name>', 'indicator id, name or synonym')
  .requiredOption('--region <region>', 'region (格尔木市)')
  .requiredOption('--year <year>', 'the year the value refers to', parseYear)
  .requiredOption('--value <value>', 'the value in the indicator\'s unit', parseNumber)
  .option('--vintage <vintage>', 'estimate, first, revised or manual', 'manual')
  .action(async (opts) => {
    process.exitCode = await runActualAdd(opts);
  });
actual
  .command('import')
  .description('actual values from a CSV file: indicator,region,year,value[,vintage]; all rows or none')
  .argument('<file>', 'CSV file')
  .action(async (file: string) => {
    process.exitCode = await runActualImport(file);
  });

program
  .command('opendata')
  .description('write indicators, targets, actuals and statuses as CSV with a Frictionless datapackage.json into DIR')
  .argument('<dir>', 'output directory')
  .action(async (dir: string) => {
    process.exitCode = await runOpenData(dir);
  });

program
  .command('backup')
  .description('write the whole store to FILE (gzip JSON), from the embedded store or PostgreSQL')
  .argument('<file>', 'backup file')
  .action(async (file: string) => {
    process.exitCode = await runBackup(file);
  });

program
  .command('restore')
  .description('restore a backup into an empty store (embedded or PostgreSQL)')
  .argument('<file>', 'backup file')
  .action(async (file: string) => {
    process.exitCode = await runRestore(file);
  });

program
  .command('serve')
  .description('the web application on the store (on an empty store: the sample documents and demonstration accounts)')
  .option('--port <port>', 'port (default PORT or 3000)')
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .action(async (opts) => {
    process.exitCode = await runServe(opts);
  });

program
  .command('start')
  .description('start the system on its embedded default with the sample documents')
  .action(async () => {
    process.exitCode = await runStart();
  });

program
  .command('report')
  .description('an evaluation report of a plan (年度监测 / 中期评估 / 总结评估) as DOCX, HTML or Markdown')
  .requiredOption('--type <type>', 'annual, midterm or final')
  .requiredOption('--plan <plan>', 'the plan: a document id or a piece of its title (规划纲要)')
  .option('--year <year>', 'the year judged (annual: required; midterm/final: default the plan\'s middle/last year)', parseYear)
  .option('--format <format>', 'docx, pdf, html or md (default: from the --out extension)', parseChoice(['docx', 'pdf', 'html', 'md']))
  .option('--issuer <unit>', 'the issuing unit written at the end (default: the region\'s 发展和改革委员会)')
  .requiredOption('--out <file>', 'output file')
  .option('--as-of <date>', 'judge as of this ISO date (default: the day after the year judged)', parseDate)
  .action(async (opts) => {
    process.exitCode = await runReport(opts);
  });

const excel = program.command('excel').description('progress reported by departments in Excel workbooks');
excel
  .command('template')
  .description('a workbook of a unit\'s tasks and targets for a period, to fill in')
  .requiredOption('--unit <unit>', 'the responsible unit (see lantu departments)')
  .requiredOption('--period <period>', '2025, 2025-H1, 2025-Q2 or 2025-06')
  .requiredOption('--out <file>', 'output .xlsx file')
  .action(async (opts) => {
    process.exitCode = await runExcelTemplate(opts);
  });
excel
  .command('import')
  .description('check a filled-in workbook and store its rows as updates for review; nothing is stored when a row is wrong')
  .argument('<file>', '.xlsx file')
  .option('--store-valid', 'store the valid rows even when other rows have errors')
  .action(async (file: string, opts: { storeValid?: boolean }) => {
    process.exitCode = await runExcelImport(file, opts);
  });

const debug = process.argv.includes('--debug') || /^(1|true)$/i.test(process.env.LANTU_DEBUG ?? '');
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version end well; any other is a usage error, whose message commander has printed
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : e.code === 'commander.help' ? e.exitCode : 2;
  } else {
    process.stderr.write(`lantu: 错误 / error: ${describeError(e)}${debug ? '' : '（加 --debug 查看详情 / --debug for details）'}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
