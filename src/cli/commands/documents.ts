// The commands of lantu that read documents or run the system (extract, ingest, serve, start, report,
// opendata, backup, restore, excel): their arguments and help in Chinese and English. Each loads its
// module only when it runs — exceljs, docx, echarts and fastify are read by no other command.
import type { Command } from 'commander';
import type { ReportCliOptions } from '../report.js';
import { parseChoice, parseDate, parseYear } from '../args.js';
import { exit } from './exit.js';

export function documentCommands(program: Command): void {
  program
    .command('extract')
    .description('读取文件（.txt UTF-8/GBK、.docx、.pdf）并显示其结构 / read documents and print their structure')
    .argument('<files...>', '要读取的文件 / files to read')
    .option('--json', '输出 {"documents": [...]} / print {"documents": [...]} as JSON')
    .option('--text', '输出修复后的正文，每段标出原行号 / print the repaired text, each paragraph with its original line')
    .action(async (files: string[], opts: { json?: boolean; text?: boolean }) => exit((await import('../extract.js')).runExtract(files, opts)));

  program
    .command('ingest')
    .description('把文件或目录导入存储库（默认内嵌库，或 LANTU_DATABASE_URL） / read documents into the store: the embedded default, or LANTU_DATABASE_URL')
    .argument('<paths...>', '文件或目录 / files or directories')
    .action(async (paths: string[]) => exit((await import('../ingest.js')).runIngest(paths)));

  program
    .command('opendata')
    .description('把指标、目标、实际值和状态写成 CSV 及 Frictionless datapackage.json / write open data (CSV with a Frictionless datapackage.json) into DIR')
    .argument('<dir>', '输出目录 / output directory')
    .action(async (dir: string) => exit((await import('../opendata.js')).runOpenData(dir)));

  program
    .command('backup')
    .description('把整个存储库写入文件（gzip JSON），内嵌库或 PostgreSQL 均可 / write the whole store to FILE (gzip JSON)')
    .argument('<file>', '备份文件 / backup file')
    .action(async (file: string) => exit((await import('../backup.js')).runBackup(file)));

  program
    .command('restore')
    .description('把备份恢复到空存储库（内嵌库或 PostgreSQL） / restore a backup into an empty store')
    .argument('<file>', '备份文件 / backup file')
    .action(async (file: string) => exit((await import('../backup.js')).runRestore(file)));

  program
    .command('serve')
    .description('启动网页应用（空库时导入示例文件并建演示账号） / the web application (on an empty store: the samples and demonstration accounts)')
    .option('--port <port>', '端口（默认 PORT 或 3000） / port (default PORT or 3000)')
    .option('--host <host>', '监听地址（默认 127.0.0.1） / address to listen on (default 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => exit((await import('../serve.js')).runServe(opts)));

  program
    .command('remind')
    .description('发送报送日历的提醒邮件并清空待发邮件（供 cron 定时运行；lantu serve 每小时自动运行） / mail the reporting calendar\'s reminders and send the outbox (for cron; lantu serve does it every hour)')
    .option('--date <date>', '按这一天计算提醒（默认今天，YYYY-MM-DD） / remind as of this day (default: today)')
    .action(async (opts: { date?: string }) => exit((await import('../remind.js')).runRemind(opts)));

  program
    .command('start')
    .description('以内嵌默认库和示例文件启动系统 / start the system on its embedded default with the sample documents')
    .action(async () => exit((await import('../start.js')).runStart()));

  program
    .command('report')
    .description('规划评估报告（年度监测、中期评估、总结评估），公文格式的 DOCX、PDF，或 HTML、Markdown / an evaluation report of a plan in official-document form as DOCX or PDF, or HTML or Markdown')
    .requiredOption('--type <type>', 'annual（年度）、midterm（中期）或 final（总结） / annual, midterm or final')
    .requiredOption('--plan <plan>', '规划：文件编号、标题的一部分或通称（十五五、十五五规划纲要） / the plan: a document id, a piece of its title or its common name (十五五)')
    .option('--year <year>', '评估年份（年度必填；中期、总结默认规划的中间年、末年） / the year judged (annual: required)', parseYear)
    .option('--format <format>', 'docx、pdf、html 或 md（默认按 --out 的扩展名） / docx, pdf, html or md (default: from the --out extension)', parseChoice(['docx', 'pdf', 'html', 'md']))
    .option('--issuer <unit>', '文末署名的发文单位（默认：该地区发展和改革委员会） / the issuing unit written at the end (default: the region\'s 发展和改革委员会)')
    .requiredOption('--out <file>', '输出文件 / output file')
    .option('--as-of <date>', '按此日期判断（默认评估年份的次日） / judge as of this ISO date (default: the day after the year judged)', parseDate)
    .action(async (opts: ReportCliOptions) => exit((await import('../report.js')).runReport(opts)));

  const excel = program.command('excel').description('各部门以 Excel 工作簿报送进展 / progress reported by departments in Excel workbooks');
  excel
    .command('template')
    .description('生成某单位某期的任务与目标工作簿，供填报 / a workbook of a unit\'s tasks and targets for a period, to fill in')
    .requiredOption('--unit <unit>', '责任单位（见 lantu departments） / the responsible unit (see lantu departments)')
    .requiredOption('--period <period>', '2025、2025-H1、2025-Q2 或 2025-06 / the period')
    .requiredOption('--out <file>', '输出 .xlsx 文件 / output .xlsx file')
    .action(async (opts: { unit: string; period: string; out: string }) => exit((await import('../excel.js')).runExcelTemplate(opts)));
  excel
    .command('import')
    .description('检查填好的工作簿，把各行存为待审核的更新；有一行出错则全不存 / check a filled-in workbook and store its rows for review; nothing when a row is wrong')
    .argument('<file>', '.xlsx 文件 / .xlsx file')
    .option('--store-valid', '即使其他行有错，也存下正确的行 / store the valid rows even when other rows have errors')
    .action(async (file: string, opts: { storeValid?: boolean }) => exit((await import('../excel.js')).runExcelImport(file, opts)));
}
