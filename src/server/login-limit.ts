// Failed logins counted per account and per address over a sliding minute: a guess at one account is
// stopped after `perAccount` failures whatever address it comes from, and one address after
// `perAddress` failures whatever accounts it tries. Successful logins are not counted (everyone behind
// one proxy may log in), and a success clears its account's count. The failures are kept in the store
// (login_failures), so several servers on one database count them together.
import type { Store } from '../store/db.js';

const WINDOW_MS = 60_000;

export class LoginLimiter {
  constructor(private store: Store, private perAccount: number, private perAddress: number) {}

  private keys(account: string, address: string): Array<[string, number]> {
    return [[`u:${account.toLowerCase().slice(0, 200)}`, this.perAccount], [`a:${address.slice(0, 100)}`, this.perAddress]];
  }

  /** Seconds to wait before trying again, or 0 when this attempt may go ahead. */
  async retryAfter(account: string, address: string, now = Date.now()): Promise<number> {
    let wait = 0;
    for (const [key, max] of this.keys(account, address)) {
      const list = (await this.store.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', now - WINDOW_MS).orderBy('at').execute()).map((r) => Number(r.at));
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max] + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  async failed(account: string, address: string, now = Date.now()): Promise<void> {
    await this.store.deleteFrom('login_failures').where('at', '<=', now - WINDOW_MS).execute(); // forget old failures
    await this.store.insertInto('login_failures').values(this.keys(account, address).map(([key]) => ({ key, at: now }))).execute();
  }

  async succeeded(account: string): Promise<void> {
    await this.store.deleteFrom('login_failures').where('key', '=', this.keys(account, '')[0][0]).execute();
  }
}
