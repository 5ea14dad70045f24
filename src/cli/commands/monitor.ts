// The monitoring commands of lantu (indicators, status, targets, warnings, issues, projects, …): their
// arguments and help in Chinese and English. Each loads its module only when it runs, so that `lantu
// --help` reads none of them.
import type { Command } from 'commander';
import type * as Monitor from '../monitor.js';
import { parseChoice, parseDate, parseNumber, parseYear } from '../args.js';
import { exit } from './exit.js';

const monitor = (): Promise<typeof Monitor> => import('../monitor.js');
type Opts<K extends keyof typeof Monitor> = (typeof Monitor)[K] extends (o: infer O, ...rest: never[]) => unknown ? O : never;


const JSON_ = ['--json', '输出 JSON / print JSON'] as const;
const WIDE = ['--wide', '表格不折行，不论终端多宽 / tables unwrapped, whatever the width of the terminal'] as const;
const AS_OF = ['--as-of <date>', '按此日期判断（默认今天） / judge as of this ISO date (default: today)'] as const;

export function monitorCommands(program: Command): void {
  program
    .command('indicators')
    .description('指标库（vocab/indicators.json）及各指标的目标数 / the indicator registry, with how many targets each has')
    .option('--search <text>', '只列出编号、名称或同义词与之相符的指标，最相符的在前 / only the indicators whose id, name or synonyms match TEXT, best first')
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runIndicators'>) => exit((await monitor()).runIndicators(opts)));

  program
    .command('status')
    .description('每个目标的状态：已完成、进展顺利、有风险、滞后、无法评估、暂无数据，及其理由 / where each target stands, with the reason')
    .option('--region <region>', '只看此地区（格尔木市） / only this region')
    .option('--year <year>', '只看此年份的目标 / only targets for this year', parseYear)
    .option(...AS_OF, parseDate)
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runStatus'>) => exit((await monitor()).runStatus(opts)));

  program
    .command('targets')
    .description('一个指标历年的目标与实际，完成与否 / the target–actual table of one indicator over the years, met or missed')
    .requiredOption('--indicator <name>', '指标编号、名称或同义词（地区生产总值增长） / an indicator id, name or synonym')
    .option('--region <region>', '只看此地区 / only this region')
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runTargets'>) => exit((await monitor()).runTargets(opts)));

  program
    .command('export')
    .description('导出指标、目标、实际值和状态（CSV 或 JSON）；加 --out 时把每张表连同来源写成 CSV、JSON 或 XLSX 文件 / indicators, targets, actuals and statuses as CSV or JSON; with --out, every table with its sources as CSV, JSON or XLSX files')
    .option('--format <format>', 'csv、json 或 xlsx / csv, json or xlsx', parseChoice(['csv', 'json', 'xlsx']), 'json')
    .option('--out <dir>', '把每张表写入此目录（xlsx 默认 ./export） / write every table into this directory (xlsx: default ./export)')
    .action(async (opts: Opts<'runExport'> & { out?: string }) =>
      exit(opts.out || opts.format === 'xlsx' ? (await import('../export.js')).runExportFiles({ format: opts.format as 'csv' | 'json' | 'xlsx', out: opts.out ?? 'export' }) : (await monitor()).runExport(opts)),
    );

  program
    .command('warnings')
    .description('预警：滞后、有风险或缺数据的目标，约束性指标在前 / early warning: targets off track, at risk or without data, binding indicators first')
    .option('--region <region>', '只看此地区 / only this region')
    .option(...AS_OF, parseDate)
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runWarnings'>) => exit((await monitor()).runWarnings(opts)));

  program
    .command('departments')
    .description('任务中的责任单位及其牵头、负责、配合的任务数 / the responsible units named by the tasks, with how many tasks each leads, answers for and supports')
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runDepartments'>) => exit((await monitor()).runDepartments(opts)));

  program
    .command('issues')
    .description('文件中的数值冲突、名称不一致和口径变化，待人核定 / conflicts, name drift and breaks of statistical basis, for a person to settle')
    .option(...JSON_)
    .option(...WIDE)
    .action(async (opts: Opts<'runIssues'>) => exit((await monitor()).runIssues(opts)))
    .command('settle')
    .description('核定一个目标的冲突表述：以 文件:行号 处为准（重新导入后保留，留痕） / settle a conflict: the statement at FILE:LINE is authoritative (kept, audited)')
    .argument('<id>', '问题编号（见 lantu issues --json） / the issue id (see lantu issues --json)')
    .requiredOption('--choose <place>', '为准表述的 文件:行号 / FILE:LINE of the authoritative statement')
    .action(async (id: string, opts: { choose: string }) => exit((await monitor()).runSettle(id, opts.choose)));

  program
    .command('projects')
    .description('跨文件、跨年份跟踪的项目：核心名称、别名、规模、当前阶段和有出处的时间线 / projects followed across documents and years, with a sourced timeline')
    .option('--name <text>', '只看名称含此文字的项目（可用简称：抽蓄） / only projects whose name holds this (an abbreviation works)')
    .option('--json', '输出 {"projects": [...]} / print {"projects": [...]} as JSON')
    .action(async (opts: { json?: boolean; name?: string }) => exit((await import('../projects.js')).runProjects(opts)));

  program
    .command('link')
    .description('手工把事实或表格行关联到指标（刷新后保留） / link a fact or table row to an indicator by hand (kept across refreshes)')
    .argument('<subject>', '事实编号或表格行编号（见 extract --json / export） / a fact id or table row id')
    .argument('<indicator>', '指标编号、名称或同义词 / an indicator id, name or synonym')
    .action(async (subject: string, indicator: string) => exit((await monitor()).runLink(subject, indicator)));

  const actual = program.command('actual').description('手工录入的实际值 / actual values entered by hand');
  actual
    .command('add')
    .description('录入一个实际值 / enter one actual value')
    .requiredOption('--indicator <name>', '指标编号、名称或同义词 / indicator id, name or synonym')
    .requiredOption('--region <region>', '地区（格尔木市） / region')
    .requiredOption('--year <year>', '数值所属年份 / the year the value refers to', parseYear)
    .requiredOption('--value <value>', '按指标单位的数值 / the value in the indicator\'s unit', parseNumber)
    .option('--vintage <vintage>', '版本：estimate、first、revised 或 manual / estimate, first, revised or manual', 'manual')
    .action(async (opts: Opts<'runActualAdd'>) => exit((await monitor()).runActualAdd(opts)));
  actual
    .command('import')
    .description('从 CSV 文件导入实际值：indicator,region,year,value[,vintage]；全部导入或全不导入 / actual values from a CSV file; all rows or none')
    .argument('<file>', 'CSV 文件 / CSV file')
    .action(async (file: string) => exit((await monitor()).runActualImport(file)));
}
