// Bigram indexes for search on PostgreSQL (018_search_items). Most Chinese words are two characters, and
// pg_trgm can do nothing with a term of two: LIKE '%长江%' scanned every line and every fact (100 ms each
// at 30,000 documents) even when nothing matched. lantu_bigrams(text) is the set of a text's two-character
// substrings, lower-cased; a GIN index over it answers "which rows hold every bigram of this term", and
// the term's LIKE keeps what is really a match. The same expressions in the indexes and the queries.
import { sql, type RawBuilder } from 'kysely';

/**
 * The function the indexes are built on, paid at ingest for every line, fact, task and item. A short text
 * (most lines) by substr over its positions (PostgreSQL's substr counts characters, as [...t] does): about
 * 9 µs for 26 characters. A long one, where substr's walk from the start each time grows as the square,
 * by two regexp passes cutting it into pairs at even and at odd offsets: 0.2 ms for 600 characters instead
 * of 1.1. The second way leaves a lone last character and empty strings among the pairs, and repeated
 * pairs are left in: extra keys match no term's bigrams, and GIN keeps each key of a row once.
 */
export const BIGRAMS_FUNCTION = sql`CREATE OR REPLACE FUNCTION lantu_bigrams(t text) RETURNS text[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
  SELECT CASE WHEN char_length(t) <= 80 THEN ARRAY(SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) i)
    ELSE regexp_split_to_array(regexp_replace(t, '(..)', '\\1' || chr(1), 'g'), chr(1))
      || regexp_split_to_array(regexp_replace(substr(t, 2), '(..)', '\\1' || chr(1), 'g'), chr(1)) END $$`;

/**
 * What each table's bigram index is over, its columns named after `at` (a table alias and a dot, or
 * nothing): written out in the index and in every query that uses it.
 */
export const BIGRAMMED = {
  search_lines: (at: string) => `lower(${at}text)`,
  search_items: (at: string) => `lower(${at}hay)`,
  facts: (at: string) => `lower(${at}metric || E'\\n' || ${at}quote)`,
  tasks: (at: string) => `lower(${at}title)`,
} as const;
export type Bigrammed = keyof typeof BIGRAMMED;
/** The tables with a bigram index. */
export const BIGRAMMED_TABLES = Object.keys(BIGRAMMED) as Bigrammed[];

/** The index of a table: CREATE INDEX … USING gin (lantu_bigrams(expression)). */
export const bigramIndex = (table: Bigrammed): RawBuilder<unknown> =>
  sql`CREATE INDEX ${sql.id(`${table}_bigrams`)} ON ${sql.id(table)} USING gin (lantu_bigrams(${sql.raw(BIGRAMMED[table](''))}))`;

/** The distinct bigrams of a term, lower-cased (none for a term of one character). */
export function bigrams(term: string): string[] {
  const c = [...term.toLowerCase()];
  return [...new Set(c.slice(1).map((x, i) => c[i] + x))];
}

/**
 * The condition that lets the index narrow the rows to those holding every bigram of every term (`alias`:
 * the table's alias in the query, if any); undefined when no term has two characters.
 */
export function bigramFilter(table: Bigrammed, terms: readonly string[], alias?: string): RawBuilder<boolean> | undefined {
  const all = [...new Set(terms.flatMap(bigrams))];
  if (!all.length) return undefined;
  return sql<boolean>`lantu_bigrams(${sql.raw(BIGRAMMED[table](alias ? `${alias}.` : ''))}) @> ${all}::text[]`;
}
