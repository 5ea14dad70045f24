import type { SourceText } from '../../src/model/records.js';
import { LineIndex, repairLines, toBlocks, type Block } from '../../src/repair/index.js';

export const source = (text: string): SourceText => ({ file: 'fixture.txt', format: 'txt', text });

/** Repaired paragraphs of a text. */
export function blocks(text: string): Block[] {
  return toBlocks(repairLines(source(text)));
}

/** Repaired paragraphs as strings. */
export const paras = (text: string): string[] => blocks(text).map((b) => b.text);

/** The original (line, column) of character i of a block. */
export function origin(text: string, b: Block, i: number) {
  return new LineIndex(text).pos(b.mapped.origin(i));
}
