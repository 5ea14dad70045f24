// Large generated documents for the linearity test and the bench: a DOCX of n paragraphs (a plain ZIP of
// the minimal WordprocessingML parts, so 100,000 paragraphs take a fraction of a second to make) and a
// work-report-like text of about a given size.
import { makeZip } from '../helpers/make-docs.js';

const SENTENCES = [
  '全市地区生产总值增长5.5%左右，一般公共预算收入增长6%。',
  '城镇新增就业1.2万人，城镇调查失业率控制在5.5%以内。',
  '完成固定资产投资120亿元，新开工项目36个。',
  '单位地区生产总值能耗下降3%，森林覆盖率达到35%。',
  '市发展改革委牵头，市财政局、市工业和信息化局按职责分工负责，2025年底前完成。',
  '加快建设南山口240万千瓦抽水蓄能电站，推进格成铁路前期工作。',
];

/** The i-th paragraph: a heading every 20 paragraphs, else two sentences. */
export function paragraph(i: number): string {
  if (i % 20 === 0) return `（${'一二三四五六七八九十'[(i / 20) % 10]}）第${i / 20 + 1}项重点工作`;
  return `${i}. ${SENTENCES[i % SENTENCES.length]}${SENTENCES[(i * 7 + 3) % SENTENCES.length]}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX of the given paragraphs (each one run). */
export function makeDocxOf(paragraphs: string[], path: string): void {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  makeZip(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
    path,
  );
}

/** A DOCX of n generated paragraphs under a title. */
export function makeBigDocx(n: number, path: string): void {
  makeDocxOf(['蓝湖市2025年政府工作报告', ...Array.from({ length: n }, (_, i) => paragraph(i))], path);
}

/** A text of about `bytes` bytes (UTF-8) of generated paragraphs under a title. */
export function bigText(bytes: number): string {
  const parts = ['蓝湖市2025年政府工作报告', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraph(i);
    parts.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  return parts.join('\n') + '\n';
}
