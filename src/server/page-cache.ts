// What the heaviest pages show, kept between requests until the store changes: the overview, the
// indicator, document and plan pages and the public site are read by many people between two writes
// (a leader's morning, a public link shared), and are the same for the same viewer, language, date and
// URL. Entries are keyed by the store's data version (store/version.ts), read before the data, so a
// write by this process or any other server on the store is seen by the next request, which builds the
// page again. Requests for an entry being built wait for it instead of building it too. The bodies are
// kept, not the pages around them: the header's reminders and CSRF token are of each request.
// Bounded by size (LANTU_PAGE_CACHE_MB, 32 by default; 0 turns the cache off), least recently used out.
import type { Store } from '../store/db.js';
import { dataVersion } from '../store/version.js';

export interface PageCache {
  /** The value for `key` in the store's current state: kept, being built by another request, or built now by `build`. */
  get<T>(key: string, build: () => Promise<T>, size: (value: T) => number): Promise<T>;
  /** Figures for the bench and the tests. */
  readonly stats: { hits: number; misses: number; bytes: number; entries: number };
}

export function pageCache(store: Store, maxBytes: number): PageCache {
  const kept = new Map<string, { value: unknown; bytes: number }>();
  const building = new Map<string, Promise<unknown>>();
  const stats = { hits: 0, misses: 0, bytes: 0, entries: 0 };
  let current = '';
  const drop = (key: string) => {
    const e = kept.get(key);
    if (!e) return;
    kept.delete(key);
    stats.bytes -= e.bytes;
  };
  return {
    stats,
    async get<T>(key: string, build: () => Promise<T>, size: (value: T) => number): Promise<T> {
      if (maxBytes <= 0) return build();
      const version = await dataVersion(store);
      if (version !== current) {
        // a write since: nothing kept is of the store as it is now
        current = version;
        kept.clear();
        stats.bytes = 0;
      }
      const full = `${version}\n${key}`;
      const hit = kept.get(full);
      if (hit) {
        stats.hits++;
        kept.delete(full); // most recently used last
        kept.set(full, hit);
        return hit.value as T;
      }
      const pending = building.get(full);
      if (pending) return pending as Promise<T>;
      stats.misses++;
      const made = build().finally(() => building.delete(full));
      building.set(full, made);
      const value = await made;
      const bytes = size(value);
      if (version === current && bytes <= maxBytes / 4) {
        drop(full);
        kept.set(full, { value, bytes });
        stats.bytes += bytes;
        for (const k of kept.keys()) {
          if (stats.bytes <= maxBytes) break;
          drop(k);
        }
      }
      stats.entries = kept.size;
      return value;
    },
  };
}
