// Vocabularies are data files in the repository's `vocab/` folder; this reads them once.
import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/** Reads `vocab/<name>.json` (works from src/ under tsx and from dist/ when built). */
export function vocab<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    const url = new URL(`../../vocab/${name}.json`, import.meta.url);
    v = JSON.parse(readFileSync(url, 'utf8'));
    cache.set(name, v);
  }
  return v as T;
}

/** Compiles a list of pattern strings from a vocabulary. */
export function patterns(list: string[], flags = ''): RegExp[] {
  return list.map((s) => new RegExp(s, flags));
}
