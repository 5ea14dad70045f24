// The audit log: every mutation with who, when, what, and the record before and after.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/db.js';
import type { Viewer } from '../web/layout.js';

export async function audit(
  store: Store,
  viewer: Viewer | undefined,
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
