// `lantu export --format csv|json|xlsx --out DIR`: every table (indicators, targets, actuals, statuses,
// tasks, updates) with where each row comes from, written into DIR (export.ts). Without --out, csv and
// json keep printing the statuses / the monitoring tables to standard output (runExport in monitor.ts).
import { openStore } from '../store/db.js';
import { writeExport, type ExportFormat } from '../report/export.js';

export async function runExportFiles(opts: { format: ExportFormat; out: string }): Promise<number> {
  const store = await openStore();
  try {
    const files = await writeExport(store, opts.out, opts.format);
    process.stdout.write(`已写出 ${files.join('、')} 到 ${opts.out}\n`);
    return 0;
  } finally {
    await store.destroy();
  }
}
