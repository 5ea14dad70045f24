// The streaming reader of plain DOCX bodies (read/docx-plain.ts) reads what mammoth reads: on generated
// bodies of every kind it accepts (bold runs with spaces at their edges, tabs, breaks, bookmarks between
// bold runs, nested tables with spanned cells and header rows, entities) the lines are mammoth's; what it
// does not know (a style, numbering, a merged row, a footnote) is left to mammoth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { plainDocxHtml } from '../../src/read/docx-plain.js';
import { htmlToLines } from '../../src/read/html-lines.js';
import { makeZip } from '../helpers/make-docs.js';

const dir = mkdtempSync(join(tmpdir(), 'lantu-docx-plain-'));
let made = 0;
function docx(body: string): Buffer {
  const path = join(dir, `${made++}.docx`);
  makeZip(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>`,
    },
    path,
  );
  return readFileSync(path);
}

const bold = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
const plain = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const RUNS = [
  bold('加强 '), plain(' 生态保护 '), '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>非粗</w:t></w:r>', '<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t xml:space="preserve"> 斜粗</w:t></w:r>',
  '<w:r><w:tab/></w:r>', '<w:r><w:rPr><w:b/></w:rPr><w:tab/></w:r>', '<w:r><w:br/></w:r>', '<w:r><w:br w:type="page"/></w:r>', '<w:bookmarkStart w:id="1" w:name="x"/>',
  '<w:bookmarkStart w:id="2" w:name="_GoBack"/>', '<w:bookmarkEnd w:id="1"/>', '<w:proofErr w:type="spellStart"/>', '<w:r><w:rPr><w:b/></w:rPr></w:r>', '<w:r><w:t></w:t></w:r>',
  plain('a&amp;b&lt;c&gt;'), bold('  '), '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:b/></w:rPr><w:t>2</w:t></w:r>', '<w:r><w:lastRenderedPageBreak/><w:t>。</w:t></w:r>',
];

async function mammothLines(buffer: Buffer): Promise<string[]> {
  const r = await mammoth.convertToHtml({ buffer });
  assert.deepEqual(r.messages, []);
  return htmlToLines(r.value);
}

test('plain bodies are read as mammoth reads them', async () => {
  let seed = 7;
  const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n;
  const many = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  const para = () => `<w:p>${rnd(3) ? '<w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>' : ''}${many(rnd(7), () => RUNS[rnd(RUNS.length)]).join('')}</w:p>`;
  const table = (depth: number): string => {
    const cell = () => `<w:tc><w:tcPr>${rnd(4) ? '' : '<w:gridSpan w:val="2"/>'}</w:tcPr>${many(1 + rnd(3), para).join('')}${depth < 2 && !rnd(6) ? table(depth + 1) : ''}</w:tc>`;
    const row = () => `<w:tr>${rnd(3) ? '' : '<w:trPr><w:tblHeader/></w:trPr>'}${many(1 + rnd(3), cell).join('')}</w:tr>`;
    return `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>${many(1 + rnd(3), row).join('')}</w:tbl>`;
  };
  for (let k = 0; k < 60; k++) {
    const body = many(1 + rnd(6), () => (rnd(4) ? para() : table(0))).join('');
    const buffer = docx(body);
    const html = await plainDocxHtml(buffer);
    assert.ok(html !== undefined, `a plain body read: ${body}`);
    assert.deepEqual(htmlToLines(html), await mammothLines(buffer), body);
  }
});

test('what the plain reader does not know is left to mammoth', async () => {
  const styled = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + plain('标题') + '</w:p>';
  const listed = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' + plain('一项') + '</w:p>';
  const merged = '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>';
  const note = '<w:p>' + plain('正文') + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
  const link = '<w:p><w:hyperlink w:anchor="x">' + plain('链接') + '</w:hyperlink></w:p>';
  for (const body of [styled, listed, merged, note, link]) assert.equal(await plainDocxHtml(docx(body)), undefined, body);
  assert.equal(await plainDocxHtml(Buffer.from('not a zip')), undefined);
});
