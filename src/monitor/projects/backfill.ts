// Documents stored before project mentions were extracted have none in their record, and ingesting the
// same file again is a no-op: their mentions are read once from the stored original text (structure
// and extraction are pure and deterministic) and written into the record, so later refreshes find them.
import type { DocumentRecord, SourceFormat } from '../../model/records.js';
import type { Store } from '../../store/db.js';
import { structure } from '../../structure/index.js';
import { extract } from '../../extract/index.js';

/** Adds `mentions` to the records that lack them; returns how many records it completed. */
export async function backfillMentions(trx: Store): Promise<number> {
  const old = await trx.selectFrom('documents').select(['id', 'content_hash', 'seq', 'title', 'record']).where('record', 'not like', '%"mentions":%').execute();
  let done = 0;
  for (const hash of new Set(old.map((d) => d.content_hash))) {
    const src = await trx.selectFrom('sources').select(['file', 'format', 'encoding', 'text']).where('content_hash', '=', hash).executeTakeFirst();
    if (!src) continue;
    let docs: DocumentRecord[] = [];
    try {
      docs = extract(structure({ file: src.file, format: src.format as SourceFormat, encoding: src.encoding ?? undefined, text: src.text })).documents.map((d) => d.record);
    } catch {
      continue; // a text that no longer reads: its documents stay without mentions
    }
    for (const d of old.filter((x) => x.content_hash === hash)) {
      const rec = JSON.parse(d.record) as DocumentRecord;
      const again = docs[d.seq];
      rec.mentions = again && again.title === d.title ? (again.mentions ?? []) : [];
      await trx.updateTable('documents').set({ record: JSON.stringify(rec) }).where('id', '=', d.id).execute();
      done++;
    }
  }
  return done;
}
