// The audit log: every mutation with who, when, what, and the record before and after.
import { randomBytes } from 'node:crypto';
import type { Store } from './db.js';

/** Who did it: a user of the web application, or the command line (`cli`). */
export interface Actor {
  id?: string;
  username?: string;
}

export async function audit(
  store: Store,
  viewer: Actor | undefined,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await store
    .insertInto('audit_log')
    .values({
      id: randomBytes(12).toString('base64url'),
      at: new Date().toISOString(),
      user_id: viewer?.id ?? null,
      username: viewer?.username ?? null,
      action,
      entity,
      entity_id: entityId,
      before: before === undefined ? null : JSON.stringify(before),
      after: after === undefined ? null : JSON.stringify(after),
    })
    .execute();
}
