// The source map kept as runs (repair/mapped.ts) gives every character the origin a map of one offset per
// character would: random slices, replacements (shorter, longer, empty) and concatenations are checked
// against such a map, made alongside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, Mapped, spanOf } from '../../src/repair/index.js';
import { MappedBuilder } from '../../src/repair/mapped.js';

/** The same text with one origin per character. */
type Flat = { text: string; map: number[] };
const origins = (m: Mapped) => Array.from(m.text, (_, i) => m.origin(i));

test('slices, replacements and concatenations map every character as a per-character map does', () => {
  let seed = 11;
  const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n;
  const original = '推进城乡融合发展，地区生产总值增长5.5%左右。'.repeat(4);
  for (let round = 0; round < 300; round++) {
    let m = Mapped.original(original, 100);
    let f: Flat = { text: original, map: Array.from(original, (_, i) => 100 + i) };
    for (let step = 0; step < 6; step++) {
      const op = rnd(3);
      if (op === 0 && m.length) {
        const a = rnd(m.length);
        const b = a + rnd(m.length - a + 1);
        m = m.slice(a, b);
        f = { text: f.text.slice(a, b), map: f.map.slice(a, b) };
      } else if (op === 1) {
        const rep = ['', 'x', 'xyz', '（）'][rnd(4)];
        const re = [/城乡/g, /\d/g, /，/g, /发展。?/g][rnd(4)];
        m = m.replace(re, () => rep);
        const map: number[] = [];
        const text = f.text.replace(re, (x: string, at: number) => {
          for (let i = 0; i < rep.length; i++) map.push(at + Math.min(i, x.length - 1));
          return rep;
        });
        // rebuild the flat map: the characters outside matches keep theirs
        const flat: number[] = [];
        let k = 0;
        let last = 0;
        re.lastIndex = 0;
        for (let x = re.exec(f.text); x; x = re.exec(f.text)) {
          for (let i = last; i < x.index; i++) flat.push(f.map[i]);
          for (let i = 0; i < rep.length; i++) flat.push(f.map[map[k++]]);
          last = x.index + x[0].length;
        }
        for (let i = last; i < f.text.length; i++) flat.push(f.map[i]);
        f = { text, map: flat };
      } else {
        const extra = Mapped.original('新增', 5000);
        const none = new MappedBuilder().appendReplacement('?', Mapped.empty, 0, 0).build();
        m = Mapped.concat([m, none, extra]);
        f = { text: f.text + '?新增', map: [...f.map, -1, 5000, 5001] };
      }
      assert.equal(m.text, f.text);
      assert.deepEqual(origins(m), f.map, `round ${round} step ${step}`);
    }
  }
});

test('a span stops at a jump in the map, as it did per character', () => {
  const text = 'a'.repeat(400);
  const index = new LineIndex(text);
  const m = Mapped.concat([Mapped.original('甲乙丙', 10), Mapped.original('丁戊', 300)]);
  assert.deepEqual([spanOf(m, 0, 5, index)?.start.offset, spanOf(m, 0, 5, index)?.end.offset], [10, 13]);
  assert.deepEqual([spanOf(m, 3, 5, index)?.start.offset, spanOf(m, 3, 5, index)?.end.offset], [300, 302]);
});
