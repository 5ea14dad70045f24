// The extraction layer: structured documents in, facts (and tasks) out. Pure: no I/O.
import type { StructuredFile } from '../structure/index.js';
import { extractFacts } from './facts/index.js';

/** Adds facts to every document of a structured file (in place) and returns it. */
export function extract(file: StructuredFile): StructuredFile {
  for (const d of file.documents) {
    d.record.facts = extractFacts(d.record, d.blocks, file.index);
  }
  return file;
}
