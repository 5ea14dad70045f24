// Document structure: from a file's text to its documents, each with metadata, outline and tables, and
// the messages of what reading and structuring could not do. Pure: text in, records out.
import { basename } from 'node:path';
import type { DocumentRecord, SourceText } from '../model/records.js';
import { LineIndex, repairLines, spanOf, toBlocks, type Block, type RepairedLine } from '../repair/index.js';
import { vocab } from '../vocab/load.js';
import { splitBundle, type DocSlice } from './bundle.js';
import { attachments, readMetadata } from './metadata.js';
import { byPlace, metadataMessages } from './messages.js';
import { buildOutline } from './outline.js';
import { readTables } from './tables/index.js';

export interface StructuredDocument {
  record: DocumentRecord;
  /** The repaired paragraphs, for the extraction layer; each maps back to the original text. */
  blocks: Block[];
}

/** A file and its documents, which may be made one at a time as they are asked for (structureEach). */
export interface FileDocuments {
  source: SourceText;
  index: LineIndex;
  documents: Iterable<StructuredDocument>;
}

export interface StructuredFile extends FileDocuments {
  documents: StructuredDocument[];
}

/** A line of a table of contents: a heading followed by a tab and its page number. */
const TOC_ROW = /^(?:第[一二三四五六七八九十百\d]+[章节]|名词解释|附件|专栏).*\t\d{1,4}$/;

export function structure(source: SourceText): StructuredFile {
  const file = structureEach(source);
  return { ...file, documents: [...file.documents] };
}

/**
 * The file's documents structured one at a time, as they are asked for (once): the file's repaired lines
 * are split into documents at once (a cover is told by the lines around it), then each document's lines
 * are released as it is structured, and its paragraphs need not outlive its use — a file of a thousand
 * documents never holds them all.
 */
export function structureEach(source: SourceText): FileDocuments {
  const index = new LineIndex(source.text);
  return { source, index, documents: documentsOf(source, index) };
}

function* documentsOf(source: SourceText, index: LineIndex): Generator<StructuredDocument> {
  const slices: Array<DocSlice | undefined> = splitBundle(repairLines(source, index), source.file);
  for (let k = 0; k < slices.length; k++) {
    const d = structureDocument(source.file, slices[k]!, index);
    slices[k] = undefined;
    // what reading could not do belongs to the file: it is told with its first document
    if (k === 0 && source.messages?.length) d.record.messages = byPlace([...source.messages, ...(d.record.messages ?? [])]);
    yield d;
  }
}

function structureDocument(file: string, slice: DocSlice, index: LineIndex): StructuredDocument {
  const meta = readMetadata(slice);
  const body = slice.lines.filter((l) => !(l.row && TOC_ROW.test(l.text.text)));
  const blocks = toBlocks(body);
  // every document's headings tell its parts (a 方案's "十三五成效" reviews, its 主要目标 sets targets)
  const year = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const sections = buildOutline(blocks, { partsOf: true, year });
  const read = readTables(body.map((l: RepairedLine) => ({ text: l.text.text, line: l.line })));
  const byLine = new Map(body.map((l) => [l.line, l.text]));
  for (const row of read.tables.flatMap((t) => t.rows)) {
    const m = byLine.get(row.line);
    const span = m && spanOf(m, 0, m.length, index);
    if (span) row.span = span;
  }
  meta.attachments = attachments(blocks);
  const record: DocumentRecord = { file: basename(file), lines: slice.span, ...meta, sections, tables: read.tables };
  const tableMessages = read.messages.map(({ line, ...m }) => ({ ...m, file: record.file, line }));
  record.messages = byPlace([...slice.messages, ...tableMessages, ...metadataMessages(record)]);
  return { record, blocks };
}
