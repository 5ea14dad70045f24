// Task extraction on fixtures written for the project (the fictional 蓝湖市): one test per form of TASKS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Task } from '../../src/model/records.js';
import { extractTasks } from '../../src/extract/tasks/index.js';
import { SAMPLES, lineOf, structureSample, structureText } from '../fixtures/texts.js';

const HEAD = `蓝湖市人民政府办公室关于印发蓝湖市重点任务分工方案的通知

蓝政办发〔2025〕15号

各乡镇人民政府，市政府各部门：

现印发给你们，请认真贯彻落实。

蓝湖市人民政府办公室

2025年3月12日

蓝湖市重点任务分工方案

`;

/** The tasks of a fixture plan (body paragraphs separated by blank lines). */
function tasksOf(...paras: string[]): { tasks: Task[]; text: string } {
  const text = HEAD + paras.join('\n\n') + '\n';
  const s = structureText(text);
  const tasks = s.documents.flatMap((d) => extractTasks(d.blocks, s.index, { date: d.record.date }));
  return { tasks, text };
}

test('inline 责任单位 at the end of a long paragraph: the task is the paragraph it closes', () => {
  const { tasks, text } = tasksOf(
    '一、重点任务',
    '（二）明确培育重点。将临规企业作为培育重点，分类别加以扶持。',
    '1.推进小微工业企业做大做强。一是建立培育库，做好跟踪监测。二是加快项目投产达效，帮助企业解决困难。三是抓好现有企业稳增长，一企一策帮助企业纾困。年内完成规模以上工业企业5户。（责任单位：蓝湖经开区管委会，市工业和信息化局、发改委）',
  );
  assert.equal(tasks.length, 1, 'the parent （二） names no unit of its own');
  assert.deepEqual(tasks[0], {
    line: lineOf(text, '1.推进小微工业企业'),
    ordinal: '1.',
    title: '推进小微工业企业做大做强',
    units: ['蓝湖经济开发区管委会', '市工业和信息化局', '市发展和改革委员会'],
    deadline: { text: '年内', date: '2025-12-31' },
  });
});

test('a heading whose units close the next paragraph', () => {
  const { tasks, text } = tasksOf(
    '（五）健全常住地提供基本公共服务制度。',
    '按照常住人口规模统筹优化基本公共服务设施布局，推动医疗、养老、托育下沉至全部社区。（责任单位：市发展和改革委员会、教育局、民政局）',
    '（六）促进农业转移人口在城镇稳定就业。推动校企合作，开展岗前培训。（责任单位：市教育局、人社局）',
  );
  assert.deepEqual(
    tasks.map((t) => [t.line, t.ordinal, t.title, t.units]),
    [
      [lineOf(text, '（五）'), '（五）', '健全常住地提供基本公共服务制度', ['市发展和改革委员会', '市教育局', '市民政局']],
      [lineOf(text, '（六）'), '（六）', '促进农业转移人口在城镇稳定就业', ['市教育局', '市人力资源和社会保障局']],
    ],
  );
});

test('label blocks after a heading: 牵头单位 / 责任单位 / 工作职责', () => {
  const { tasks, text } = tasksOf(
    '三、工作分工',
    '（一）湖区工作组',
    '牵头单位：市生态环境局责任单位：市公安局、水利局、农牧局，市消防救援支队工作职责：负责蓝湖湖区企业的排查及帮扶指导。',
    '（二）城区工作组',
    '牵头单位：市住建局、综合执法局',
    '责任单位：城南街道，市公安局、市场监督管理局',
    '工作职责：负责城区的排查。',
  );
  assert.deepEqual(tasks, [
    { line: lineOf(text, '（一）湖区'), ordinal: '（一）', title: '湖区工作组', lead: ['市生态环境局'], units: ['市公安局', '市水利局', '市农牧局', '市消防救援支队'] },
    { line: lineOf(text, '（二）城区'), ordinal: '（二）', title: '城区工作组', lead: ['市住房和城乡建设局', '市综合行政执法局'], units: ['城南街道', '市公安局', '市市场监督管理局'] },
  ]);
});

test('"（X牵头落实）" and "（X牵头，Y、Z配合）"', () => {
  const { tasks } = tasksOf(
    '3.全面落实石油储备库“一库一策”整改方案，开展本质安全提升专项整治，建立安全风险评估长效机制。（市应急管理局牵头落实）',
    '4.加快推进危险化学品车辆专用停车场建设。（市交通运输局牵头，市综合执法局、市住建局分工配合）',
  );
  assert.deepEqual(
    tasks.map((t) => [t.ordinal, t.title, t.lead, t.units, t.support]),
    [
      ['3.', '全面落实石油储备库“一库一策”整改方案', ['市应急管理局'], [], undefined],
      ['4.', '加快推进危险化学品车辆专用停车场建设', ['市交通运输局'], [], ['市综合行政执法局', '市住房和城乡建设局']],
    ],
  );
});

test('department-duty paragraphs: the unit is the heading', () => {
  const { tasks } = tasksOf(
    '三、责任分工',
    '（一）市应急管理局。负责对成品油经营企业开展安全生产执法检查。',
    '（二）市市场监管局。负责查处销售不合格油品行为。',
    '（三）市公安局负责查处涉成品油的违法犯罪行为。',
    '四、工作职责',
    '市委宣传部：负责做好媒体宣传。',
    '五、时间安排',
    '（一）市区排查阶段。完成排查摸底。',
  );
  assert.deepEqual(
    tasks.map((t) => [t.ordinal, t.title, t.units]),
    [
      ['（一）', '市应急管理局', ['市应急管理局']],
      ['（二）', '市市场监管局', ['市市场监督管理局']],
      ['（三）', '市公安局负责查处涉成品油的违法犯罪行为', ['市公安局']],
      [undefined, '市委宣传部', ['市委宣传部']],
    ],
  );
});

test('a single-unit plan list', () => {
  const { tasks } = tasksOf(
    '一、产业发展类（2项）',
    '1.蓝湖市“十五五”农业农村现代化发展规划（责任单位：市农牧局）',
    '2.蓝湖市“十五五”文化旅游发展规划（责任单位：市文旅局）',
  );
  assert.deepEqual(
    tasks.map((t) => [t.ordinal, t.title, t.units]),
    [
      ['1.', '蓝湖市“十五五”农业农村现代化发展规划', ['市农牧局']],
      ['2.', '蓝湖市“十五五”文化旅游发展规划', ['市文化旅游局']],
    ],
  );
});

test('a repeated "（责任单位：X）（责任单位：X）" names its units once', () => {
  const { tasks } = tasksOf('7.做强新材料产业。规模以上工业企业达到96家。（责任单位：市工信局）（责任单位：市工信局）');
  assert.deepEqual(tasks[0].units, ['市工业和信息化局']);
});

test('no task without a unit; an aside naming a unit is no assignment', () => {
  const { tasks } = tasksOf(
    '（一）加强组织领导。成立工作专班，统筹推进改造工作。',
    '（二）强化督导。7月15日前将清单报市生态环境保护协调工作办公室（市生态环境局）。',
    '（三）开展摸底。对中央控制室、交接班室（中央控制室、交接班室、办公室）开展排查。',
  );
  assert.deepEqual(tasks, []);
});

test('deadlines of tasks: labelled, in the units, or the one dated deadline of the text', () => {
  const { tasks } = tasksOf(
    '（一）全面排查建档。建立问题管道台账，2025年4月底前完成。（责任单位：市住建局、蓝湖燃气公司）',
    '（二）实施管网改造。全年改造市政管道14公里。（牵头单位：市住建局；配合单位：市财政局；完成时限：6月底前）',
    '（三）健全长效机制。（市住建局牵头，长期坚持）',
  );
  assert.deepEqual(
    tasks.map((t) => t.deadline),
    [
      { text: '2025年4月底前', date: '2025-04-30' },
      { text: '6月底前', date: '2025-06-30' },
      { text: '长期坚持' },
    ],
  );
});

test('a task-division table', () => {
  const { tasks, text } = tasksOf(
    '附件',
    '序号\t重点任务\t牵头单位\t责任单位\t完成时限',
    '1\t建成蓝湖湖滨带生态修复8公里\t市自然资源局\t市生态环境局、水利局\t2025年10月底前',
    '2\t新增光伏装机12万千瓦\t\t市发改委\t长期坚持',
  );
  assert.deepEqual(tasks, [
    { line: lineOf(text, '1\t建成'), ordinal: '1', title: '建成蓝湖湖滨带生态修复8公里', lead: ['市自然资源局'], units: ['市生态环境局', '市水利局'], deadline: { text: '2025年10月底前', date: '2025-10-31' } },
    { line: lineOf(text, '2\t新增'), ordinal: '2', title: '新增光伏装机12万千瓦', units: ['市发展和改革委员会'], deadline: { text: '长期坚持' } },
  ]);
});

test('the sample bundle: the task-division plan and the gas-pipe plan', () => {
  const s = structureSample(SAMPLES.bundle);
  const tasks = s.documents.flatMap((d) => extractTasks(d.blocks, s.index, { date: d.record.date }));
  assert.equal(tasks.length, 15);
  const t6 = tasks.find((t) => t.ordinal === '6.')!;
  assert.deepEqual([t6.lead, t6.support], [['市商务局'], ['市财政局', '市市场监督管理局']]);
  assert.deepEqual(tasks.find((t) => t.ordinal === '8.')!.units, ['市文化旅游局'], 'doubled by bold, named once');
});
