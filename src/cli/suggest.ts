// "Did you mean": the known names closest to a name nobody knows — 格尔目市 → 格尔木市, 格尔木 → 格尔木市 —
// by edit distance over characters (a third of the name may differ) or by one name holding the other.

/** Edits (insert, delete, replace one character) from a to b. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** At most `n` of `known` close to `name`, closest first. */
export function closest(name: string, known: Iterable<string>, n = 3): string[] {
  const length = [...name].length;
  const near: Array<{ k: string; d: number }> = [];
  for (const k of new Set(known)) {
    const d = editDistance(name, k);
    const holds = length >= 2 && (k.includes(name) || name.includes(k));
    if (d <= Math.max(1, Math.floor(length / 3)) || holds) near.push({ k, d: holds ? Math.min(d, 1) : d });
  }
  return near
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k, 'zh'))
    .slice(0, n)
    .map((x) => x.k);
}
