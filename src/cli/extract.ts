// `lantu extract`: read files, structure them, print JSON or a readable summary. A file that cannot be
// read is reported with its reason and the other files are still processed.
import type { DocumentRecord } from '../model/records.js';
import { ReadError, readSource } from '../read/index.js';
import { structure, type StructuredFile } from '../structure/index.js';
import { extract } from '../extract/index.js';
import { Progress } from './progress.js';
import { summarize } from './summary.js';

export interface FileError {
  file: string;
  reason: string;
}

/** Reads and structures files; failures are collected, never thrown. */
export async function extractFiles(files: string[], onFile?: (file: string) => void): Promise<{ files: StructuredFile[]; errors: FileError[] }> {
  const out: StructuredFile[] = [];
  const errors: FileError[] = [];
  for (const file of files) {
    try {
      out.push(extract(structure(await readSource(file))));
    } catch (e) {
      if (e instanceof ReadError) errors.push({ file: e.file, reason: e.reason });
      else errors.push({ file, reason: `internal error: ${(e as Error).stack ?? e}` });
    }
    onFile?.(file);
  }
  return { files: out, errors };
}

export async function runExtract(files: string[], opts: { json?: boolean; text?: boolean }): Promise<number> {
  const progress = new Progress(files.length, 'reading');
  const { files: done, errors } = await extractFiles(files, (f) => progress.tick(f));
  progress.stop();
  for (const e of errors) process.stderr.write(`lantu: ${e.file}: ${e.reason}\n`);
  const documents: DocumentRecord[] = done.flatMap((f) => f.documents.map((d) => d.record));
  if (opts.json) {
    process.stdout.write(JSON.stringify(errors.length ? { documents, errors } : { documents }, null, 1) + '\n');
  } else if (opts.text) {
    for (const f of done)
      for (const d of f.documents) {
        process.stdout.write(`# ${d.record.file} ${d.record.title} [${d.record.lines.join('–')}]\n`);
        for (const b of d.blocks) process.stdout.write(`${b.line}\t${b.text.replace(/\t/g, ' | ')}\n`);
      }
  } else {
    process.stdout.write(documents.map(summarize).join('\n'));
  }
  return errors.length ? 1 : 0;
}
