// `lantu projects --json` on the reference corpus: 南山口抽水蓄能电站, named in 青海's 2024 report, 格尔木's
// 2025 report, the April-2025 documents and the 十五五 plan, is one project with a timeline of dated
// stages in order. Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from './run.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const present = existsSync(corpus);
const lantu = cli('lantu-projects-');

interface Entry { year: number | null; period?: [number, number]; date: string | null; stage: string | null; modality: string; capacity: string | null; file: string; line: number; quote: string }
interface Project { id: string; name: string; core: string; aliases: string[]; capacity: string | null; stage: string | null; documents: number; timeline: Entry[] }

test('projects --json: 南山口抽水蓄能电站 is one project with a dated timeline from several documents', { skip: !present && '../shared absent: corpus tests skipped' }, () => {
  const ingest = lantu('ingest', corpus);
  assert.equal(ingest.code, 0, ingest.stderr);
  const r = lantu('projects', '--json', '--name', '南山口抽蓄');
  assert.equal(r.code, 0, r.stderr);
  const { projects } = JSON.parse(r.stdout) as { projects: Project[] };
  assert.equal(projects.length, 1, projects.map((p) => p.core).join(', '));
  const [p] = projects;
  assert.equal(p.core, '南山口抽水蓄能电站');
  assert.equal(p.capacity, '240万千瓦');
  assert.equal(p.stage, '全面施工'); // the latest review: 格尔木's 2025 report on 2024
  const dated = p.timeline.filter((m) => m.year);
  assert.ok(dated.length >= 4, `${dated.length} dated mentions`);
  assert.ok(new Set(dated.map((m) => m.file)).size >= 3);
  const years = p.timeline.map((m) => m.year ?? 9999);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), 'in order of year');
  const at = (file: string, year: number, stage: string) =>
    assert.ok(p.timeline.some((m) => m.file.startsWith(file) && m.year === year && m.stage === stage), `${stage} in ${file} for ${year}: ${JSON.stringify(p.timeline.map((m) => [m.file.slice(0, 3), m.year, m.stage]))}`);
  at('002', 2023, '开工');
  at('000', 2024, '全面施工');
  at('000', 2025, '加快建设');
  at('004', 2025, '加快建设');
  const plan = p.timeline.find((m) => m.file.startsWith('001') && m.capacity === '240万千瓦');
  assert.deepEqual(plan?.period, [2026, 2030]);
  assert.ok(p.timeline.indexOf(plan!) > p.timeline.findIndex((m) => m.file.startsWith('004')));
  assert.ok(p.timeline.every((m) => m.line > 0 && /南\s*山口/.test(m.quote)));
  // the text form names the same project and its stage
  const text = lantu('projects', '--name', '南山口');
  assert.match(text.stdout, /南山口抽水蓄能电站（240万千瓦） — 现阶段：全面施工（2024年）/);
});
