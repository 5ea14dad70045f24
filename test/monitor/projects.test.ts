// Following projects across documents: mentions grouped by core name, the timeline in order (year;
// within a year plans before reports; then the document's date), the stage now from the latest review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkProjects, type SourcedMention } from '../../src/monitor/projects/link.js';

const m = (over: Partial<SourcedMention>): SourcedMention => ({
  line: 1,
  name: '白石口抽水蓄能电站',
  core: '白石口抽水蓄能电站',
  kind: '抽水蓄能电站',
  modality: 'actual',
  quote: '…',
  documentId: 'd',
  file: 'f.txt',
  title: 't',
  ...over,
});

test('one project across documents, its timeline in order, the stage now from the latest review', () => {
  const [p, ...rest] = linkProjects([
    m({ documentId: 'plan', file: 'plan.txt', year: 2026, period: [2026, 2030], modality: 'planned', stage: '建设', stageWords: '加快建设', capacity: '240万千瓦', name: '白石口240万千瓦抽蓄' }),
    m({ documentId: 'r25', file: 'r25.txt', year: 2024, date: '2025-02-15', stage: '建设', stageWords: '全面施工' }),
    m({ documentId: 'r25', file: 'r25.txt', year: 2025, date: '2025-02-15', modality: 'planned', stage: '建设', stageWords: '加快建设', line: 700 }),
    m({ documentId: 'r24', file: 'r24.txt', year: 2023, date: '2024-01-24', stage: '开工', stageWords: '开工' }),
    m({ documentId: 'h', file: 'h.txt', year: 2023, modality: 'planned', stage: '开工', stageWords: '开工建设' }),
    m({ documentId: 'x', core: '黑石口抽水蓄能电站', name: '黑石口抽蓄', year: 2023 }),
  ]);
  assert.equal(rest.length, 1);
  assert.equal(p.core, '白石口抽水蓄能电站');
  assert.deepEqual(p.timeline.map((x) => `${x.year} ${x.stageWords} ${x.file}`), ['2023 开工建设 h.txt', '2023 开工 r24.txt', '2024 全面施工 r25.txt', '2025 加快建设 r25.txt', '2026 加快建设 plan.txt']);
  assert.equal(p.documents, 4);
  assert.equal(p.capacity, '240万千瓦');
  assert.deepEqual(p.aliases, ['白石口240万千瓦抽蓄']);
  assert.deepEqual(p.stage, { stage: '建设', words: '全面施工', year: 2024, modality: 'actual' });
});

test('a plain 电站 joins the one station of its name whose kind says more', () => {
  const ps = linkProjects([
    m({ core: '雅下电站', kind: '电站', name: '雅下电站', year: 2026 }),
    m({ core: '雅下水电站', kind: '水电站', name: '雅下水电', year: 2026 }),
  ]);
  assert.equal(ps.length, 1);
  assert.equal(ps[0].core, '雅下水电站');
  assert.equal(ps[0].kind, '水电站');
});
