// Bounded memory for long ingests. Nothing caps the heap of `lantu ingest` (a store's rebuild may need
// much), and without a cap V8 lets garbage pile up far beyond what is live: a 50 MB text held under
// 200 MB live peaked near 590 MB of RSS. The writer calls tidy() after each document it writes and after
// each batch derived; when the heap has grown by more than SLACK since the ingest began (tidyFrom) or
// since the last collection, a full collection runs, so the peak stays near what is live. Growth is
// counted from the ingest's start, not from nothing: a process already holding much (a server, a bench
// that judged 30,000 documents) paid a full collection of all it held on the first document it added.
// gc is exposed at run time through V8's flags (v8.setFlagsFromString). The server's upload jobs run the
// same ingest, so they collect the same way.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Garbage allowed to build up between two collections. */
const SLACK = 64 * 2 ** 20;

let gc: (() => void) | undefined;
let after = 0;

/** Counts the growth tidy() looks at from now: called when an ingest begins. */
export function tidyFrom(): void {
  after = getHeapStatistics().used_heap_size;
}

/** Collects garbage when the heap has grown by more than SLACK since the last time; cheap otherwise. */
export function tidy(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used - after < SLACK) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  after = getHeapStatistics().used_heap_size;
}
