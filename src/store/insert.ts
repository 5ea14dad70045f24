// Inserting many rows: in chunks, since SQLite limits the number of bound parameters of one statement.
const CHUNK = 400;

/** `db`: the store or a transaction of it; `table`: any table of the schema. */
export async function insertAll(db: any, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK)).execute();
}
