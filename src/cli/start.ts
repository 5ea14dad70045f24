// `npm start` / `lantu start`: the system on its embedded default with the project's sample documents.
// Until the store and the web application land, it prints the extraction of the samples.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runExtract } from './extract.js';

export async function runStart(): Promise<number> {
  const dir = fileURLToPath(new URL('../../samples/', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|docx|pdf)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  process.stderr.write(`Lantu: reading ${files.length} sample documents from ${dir}\n`);
  return runExtract(files, {});
}
