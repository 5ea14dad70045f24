// `npm start` / `lantu start`: the system on its embedded default with the project's sample documents.
// Until the web application lands, it ingests the samples into the embedded store (a no-op when they
// are there already), prints what was read from them, and where each target stands.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runExtract } from './extract.js';
import { runIngest } from './ingest.js';
import { runStatus } from './monitor.js';

export async function runStart(): Promise<number> {
  const dir = fileURLToPath(new URL('../../samples/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|docx|pdf)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  process.stderr.write(`Lantu: reading ${files.length} sample documents from ${dir}\n`);
  const extracted = await runExtract(files, {});
  const ingested = await runIngest(files);
  process.stdout.write('\n目标完成情况（lantu status）：\n');
  const status = await runStatus({});
  return extracted || ingested || status;
}
