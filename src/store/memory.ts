// The in-memory store: the same contract and the same transaction semantics as the file store
// (a callback's changes are kept only when it reports a change), with nothing on disk. The Bot's
// default, so tests and one-off runs need no data directory.
import type { WriteResult } from './community.js';
import { DocumentStore } from './document.js';
import { emptyCommunity, type CommunityData } from './schema.js';
import { StoreError, type RateLimit } from './store.js';

export class MemoryStore extends DocumentStore {
  readonly location = ':memory:';
  private readonly communities = new Map<string, CommunityData>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: { rateLimit?: RateLimit } = {}) {
    super(options.rateLimit);
  }

  peek<T>(community: string, fn: (data: Readonly<CommunityData>) => T): T {
    return fn(this.communities.get(community) ?? emptyCommunity());
  }

  async read<T>(community: string, fn: (data: Readonly<CommunityData>) => T): Promise<T> {
    await this.queue;
    return this.peek(community, fn);
  }

  write<T>(community: string, fn: (data: CommunityData) => WriteResult<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('The store is closed.'));
    const run = this.queue.then(() => {
      // A copy, so a callback that throws half-way leaves nothing behind.
      const draft = structuredClone(this.communities.get(community) ?? emptyCommunity());
      const result = fn(draft);
      if (result.changed) this.communities.set(community, draft);
      return result.value;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async readAll<T>(fn: (community: string, data: Readonly<CommunityData>) => T, ids?: readonly string[]): Promise<T[]> {
    await this.queue;
    const out: T[] = [];
    for (const id of ids ? new Set(ids) : this.communities.keys()) {
      const data = this.communities.get(id);
      if (data) out.push(fn(id, data));
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }
}
