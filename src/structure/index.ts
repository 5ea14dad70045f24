// Document structure: from a file's text to its documents, each with metadata, outline and tables.
// Pure: text in, records out.
import { basename } from 'node:path';
import type { DocumentRecord, SourceText } from '../model/records.js';
import { LineIndex, repairLines, toBlocks, type Block, type RepairedLine } from '../repair/index.js';
import { vocab } from '../vocab/load.js';
import { splitBundle, type DocSlice } from './bundle.js';
import { attachments, readMetadata } from './metadata.js';
import { buildOutline } from './outline.js';
import { parseTables } from './tables/index.js';

export interface StructuredDocument {
  record: DocumentRecord;
  /** The repaired paragraphs, for the extraction layer; each maps back to the original text. */
  blocks: Block[];
}

export interface StructuredFile {
  source: SourceText;
  index: LineIndex;
  documents: StructuredDocument[];
}

/** A line of a table of contents: a heading followed by a tab and its page number. */
const TOC_ROW = /^(?:第[一二三四五六七八九十百\d]+[章节]|名词解释|附件|专栏).*\t\d{1,4}$/;

export function structure(source: SourceText): StructuredFile {
  const index = new LineIndex(source.text);
  const lines = repairLines(source, index);
  const documents = splitBundle(lines).map((slice) => structureDocument(source.file, slice));
  return { source, index, documents };
}

function structureDocument(file: string, slice: DocSlice): StructuredDocument {
  const meta = readMetadata(slice);
  const body = slice.lines.filter((l) => !(l.row && TOC_ROW.test(l.text.text)));
  const blocks = toBlocks(body);
  // every document's headings tell its parts (a 方案's "十三五成效" reviews, its 主要目标 sets targets)
  const year = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const sections = buildOutline(blocks, { partsOf: true, year });
  const tables = parseTables(body.map((l: RepairedLine) => ({ text: l.text.text, line: l.line })));
  meta.attachments = attachments(blocks);
  const record: DocumentRecord = { file: basename(file), lines: slice.span, ...meta, sections, tables };
  return { record, blocks };
}
