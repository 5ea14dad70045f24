// Each report kind on the corpus in the 公文 form: fonts and sizes of the DOCX (title 方正小标宋简体
// 二号, body 仿宋_GB2312 三号, headings 黑体 / 楷体_GB2312, fallbacks in the font table), "— 1 —" page
// numbers, no software name, the issuer at the end; converted by LibreOffice, the PDF's tables
// (pdftotext -layout) hold every figure and verdict whole; ten figures of each report are found on the
// corpus line the report cites. Skipped with a message without ../shared, LibreOffice or pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { reportData, type ReportData, type ReportOptions } from '../../src/report/data.js';
import { renderDocx } from '../../src/report/docx.js';
import { docxToPdf, office } from '../../src/report/pdf.js';
import { findPlan, ReportError } from '../../src/report/scope.js';
import { sqliteStore } from '../store/stores.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const soffice = office();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
const skip = !existsSync(corpus) ? '../shared/corpus absent: 公文 form tests skipped' : !soffice ? 'LibreOffice absent (apt-get install -y libreoffice-writer-nogui): 公文 form tests skipped' : !pdftotext ? 'pdftotext absent (apt-get install -y poppler-utils): 公文 form tests skipped' : false;
if (skip) process.stderr.write(`skipping: ${skip}\n`);

const KINDS: Array<[string, Omit<ReportOptions, 'issuer'>]> = [
  ['annual', { type: 'annual', plan: '十五五', year: 2025 }],
  ['midterm', { type: 'midterm', plan: '十五五规划纲要' }],
  ['final', { type: 'final', plan: '十五五' }],
  ['work report', { type: 'annual', plan: '格尔木市2025年政府工作报告' }],
];

/** The numbers of a figure as written (1129.7, 3000/0, 93.6), without the year. */
const numbersOf = (s: string) => (s.replace(/（\d{4}(?:—\d{4})?）/g, '').match(/\d+(?:[./]\d+)*/g) ?? []);

test('the 公文 form: fonts, sizes, page numbers, whole figures in the PDF tables, figures on their cited lines', { skip, timeout: 600_000 }, async (t) => {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [corpus]);
    // plans by their common names, not the 通知 that lists them; a report kind that does not fit is refused
    assert.equal((await findPlan(store, '十五五')).title, '格尔木市国民经济和社会发展第十五个五年规划纲要');
    await assert.rejects(findPlan(store, '专项规划编制目录'), /is a 通知, not a plan/);
    await assert.rejects(reportData(store, { type: 'midterm', plan: '格尔木市2025年政府工作报告' }), (e: Error) => e instanceof ReportError && /work report with targets for 2025 only/.test(e.message));
    const lines = new Map<string, string[]>();
    const fileLines = (f: string) => lines.get(f) ?? (lines.set(f, readFileSync(join(corpus, f), 'utf8').split('\n')), lines.get(f)!);

    for (const [name, opts] of KINDS) {
      await t.test(name, async () => {
        const data: ReportData = await reportData(store, { ...opts, issuer: '格尔木市发展和改革委员会' });
        if (name === 'work report') assert.match(data.title, /^格尔木市2025年政府工作报告/);
        const docx = await renderDocx(data);
        const zip = await (await import('jszip')).default.loadAsync(docx);
        const xml = await zip.file('word/document.xml')!.async('string');
        const styles = await zip.file('word/styles.xml')!.async('string');
        const fonts = await zip.file('word/fontTable.xml')!.async('string');
        const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
        // sizes in half-points: 二号 22 pt, 三号 16 pt; fonts by role
        assert.match(styles, /w:styleId="Title"[\s\S]*?w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
        assert.match(styles, /<w:docDefaults>[\s\S]*?w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/);
        assert.match(styles, /w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
        assert.match(styles, /w:styleId="Heading2"[\s\S]*?w:eastAsia="楷体_GB2312"/);
        assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong_GB2312"\/><w:charset w:val="86"\/>/);
        assert.match(fonts, /w:name="WenQuanYi Zen Hei"/, 'a font present on Linux machines is named as the last fallback');
        assert.ok(!/embedTrueTypeFonts|w:embedRegular/.test(xml + fonts), 'no font is embedded');
        assert.equal(footers.length, 2, 'odd and even page footers');
        assert.ok(footers.every((f) => /— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/.test(f)), 'the page number as — 1 —');
        assert.ok(!zip.file('word/header1.xml'), 'no header');
        assert.doesNotMatch(xml, /Lantu|\.txt|权重/, 'no software name, file name or internal term');
        assert.match(xml, /格尔木市发展和改革委员会[\s\S]*附件/);

        const pdf = await docxToPdf(docx, soffice!);
        const file = join(mkdtempSync(join(tmpdir(), 'lantu-form-')), 'report.pdf');
        writeFileSync(file, pdf);
        const r = spawnSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
        const text = r.stdout;
        assert.match(text, /^ {20,}—\s*1\s*—\s*$/m, 'page 1 (odd): right');
        assert.match(text, /^ {0,3}—\s*2\s*—\s*$/m, 'page 2 (even): left');
        // every figure and verdict of the indicator tables is whole on some line of the PDF
        const words = new Set(text.split(/\s+/));
        const rows = data.groups.flatMap((g) => g.rows);
        for (const row of rows)
          for (const n of [...numbersOf(row.actual ?? ''), ...numbersOf(row.baseline ?? ''), ...numbersOf(row.target)])
            assert.ok([...words].some((w) => new RegExp(`(^|[^\\d.])${n.replace(/[./]/g, '\\$&')}($|[^\\d.])`).test(w)), `${row.indicator}: ${n} whole in the PDF`);
        assert.doesNotMatch(text, /暂无数\s*\n\s*据|无法评\s*\n\s*价|基本达\s*\n\s*到/, 'no verdict broken over lines');
        // ten figures, each on the corpus line its citation names
        const cited = data.sources.filter((s) => /\d/.test(s.figure.replace(/（\d{4}）/, '')) && s.source.line !== null && existsSync(join(corpus, s.source.file))).slice(0, 10);
        assert.equal(cited.length, 10, `${name}: ten cited figures`);
        for (const s of cited) {
          const line = fileLines(s.source.file)[s.source.line! - 1].replace(/\s+/g, '');
          for (const n of numbersOf(s.figure.replace(/^(目标|实际) /, '').replace('*', ''))) assert.ok(line.includes(n), `${s.item} ${s.figure}: ${n} on ${s.cite}: ${line.slice(0, 120)}`);
        }
      });
    }
  } finally {
    await close();
  }
});
