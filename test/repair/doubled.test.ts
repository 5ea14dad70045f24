import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paras } from './helpers.js';

test('a bold span doubled chunk by chunk collapses: AABB', () => {
  assert.deepEqual(paras('（责任单位：（责任单位：市自然资源局）市自然资源局）'), ['（责任单位：市自然资源局）']);
});

test('a whole bold span doubled: XX', () => {
  assert.deepEqual(paras('2.修订蓝湖市交通规划（责任单位：市交通运输局）（责任单位：市交通运输局）'), ['2.修订蓝湖市交通规划（责任单位：市交通运输局）']);
});

test('a doubled list ordinal and run-in head collapse together', () => {
  assert.deepEqual(paras('1.1. 推进小微工业企业做大做强。一是推进小微工业企业做大做强。一是建立规模企业培育库。'), [
    '1.推进小微工业企业做大做强。一是建立规模企业培育库。',
  ]);
});

test('digits doubled between doubled words mean one number: 拟成立拟成立44个… = 4个', () => {
  assert.deepEqual(paras('拟成立拟成立44个教育集团：个教育集团：'), ['拟成立4个教育集团：']);
});

test('a number not next to doubled text is kept: 44个', () => {
  assert.deepEqual(paras('全市建成44个教育集团。'), ['全市建成44个教育集团。']);
});

test('real doubles are kept: 层层, 处处, 天天 and reduplicated words', () => {
  const s = '层层压实责任，处处见成效，群众天天有感，大家研究研究再定。';
  assert.deepEqual(paras(s), [s]);
});

test('doubling across a line break: 一是 split as 一 / 是是', () => {
  const text = '2.2. 推动批零住餐企业上限入库。一推动批零住餐企业上限入库。一\n\n是是建立企业台账。将批发企业纳入';
  assert.deepEqual(paras(text), ['2.推动批零住餐企业上限入库。一是建立企业台账。将批发企业纳入']);
});

test('doubled units split over two lines', () => {
  const text = '4.蓝湖市文化旅游发展规划（责（责\n任单位：市文体旅游广电局）任单位：市文体旅游广电局）';
  assert.deepEqual(paras(text), ['4.蓝湖市文化旅游发展规划（责任单位：市文体旅游广电局）']);
});
