// Many rows at once, in chunks, since SQLite limits the number of bound parameters of one statement (and
// PostgreSQL the size of one): inserting rows, and reading, updating or deleting by a list of keys.
const CHUNK = 400;
const KEYS = 500;

/** `db`: the store or a transaction of it; `table`: any table of the schema. */
export async function insertAll(db: any, table: string, rows: object[]): Promise<void> {
  await inChunks(rows, (chunk) => db.insertInto(table).values(chunk).execute(), CHUNK);
}

/** Runs `run` on the values a chunk at a time (a statement with `where(key, 'in', chunk)`), concatenating what it returns. */
export async function inChunks<V, R>(values: readonly V[], run: (chunk: V[]) => Promise<R[]>, size = KEYS): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await run(values.slice(i, i + size))));
  return out;
}
