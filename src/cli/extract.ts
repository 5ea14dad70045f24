// `lantu extract`: read files, structure them, print JSON or a readable summary. A file that cannot be
// read is reported with its reason and the other files are still processed.
import { ReadError, readSource } from '../read/index.js';
import { structure, structureEach, type StructuredFile } from '../structure/index.js';
import { extract, extractEach } from '../extract/index.js';
import { Progress } from './progress.js';
import { summarize } from './summary.js';
import { chunked, putJson } from './json-out.js';

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
      errors.push(fileError(file, e));
    }
    onFile?.(file);
  }
  return { files: out, errors };
}

function fileError(file: string, e: unknown): FileError {
  if (e instanceof ReadError) return { file: e.file, reason: e.reason };
  return { file, reason: `internal error: ${(e as Error).stack ?? e}` };
}

/**
 * Reads, structures and extracts files one at a time and prints each file's documents as soon as they
 * are done, so memory stays bounded however many files are given.
 */
export async function runExtract(files: string[], opts: { json?: boolean; text?: boolean }): Promise<number> {
  const progress = new Progress(files.length, 'reading');
  const out = chunked((s) => process.stdout.write(s));
  const errors: FileError[] = [];
  let first = true;
  if (opts.json) out.put('{"documents": [\n');
  for (const file of files) {
    // one document at a time: a file of a thousand documents is printed as it is read
    try {
      for (const d of extractEach(structureEach(await readSource(file))).documents) {
        if (opts.json) {
          // a record of many facts is written a fact at a time, not as one string
          if (!first) out.put(',\n');
          putJson(out.put, d.record);
          first = false;
        } else if (opts.text) {
          out.put(`# ${d.record.file} ${d.record.title} [${d.record.lines.join('–')}]\n`);
          for (const b of d.blocks) out.put(`${b.line}\t${b.text.replace(/\t/g, ' | ')}\n`);
        } else out.put(summarize(d.record) + '\n');
        out.flush();
      }
    } catch (e) {
      const failed = fileError(file, e);
      process.stderr.write(`lantu: ${failed.file}: ${failed.reason}\n`);
      errors.push(failed);
    }
    progress.tick(file);
  }
  progress.stop();
  if (opts.json) out.put(`\n]${errors.length ? `, "errors": ${JSON.stringify(errors)}` : ''}}\n`);
  out.flush();
  return errors.length ? 1 : 0;
}
