/**
 * Which updates are taken on, so an update Telegram delivers twice (or to two instances) is answered
 * once. A claim is taken before handling; it becomes done once the update's replies are sent, or
 * safely queued where any instance will send them. A claim whose handling fails is released, so a
 * redelivery is answered.
 */
export interface UpdateClaims {
  /** True if this caller may handle the update; false while it is claimed by another, or done. */
  claim(updateId: number): Promise<boolean>;
  /** The update's replies are in the reply queue. */
  queued(updateId: number): Promise<void>;
  /** The update needed no reply, or its replies are sent. */
  done(updateId: number): Promise<void>;
  /** Handling failed or was cut short: a redelivery will be answered. */
  release(updateId: number): Promise<void>;
}

/**
 * Claims in this process's memory, for a single instance. Replies queued in memory are not safe
 * until sent, so a queued update stays claimed until the reply queue marks it done or releases it.
 */
export class MemoryDeduper implements UpdateClaims {
  private readonly seen = new Map<number, 'claimed' | 'done'>();
  constructor(private readonly capacity = 50_000) {}

  async claim(updateId: number): Promise<boolean> {
    if (this.seen.has(updateId)) return false;
    this.seen.set(updateId, 'claimed');
    // Telegram redelivers within minutes, so the oldest ids can be forgotten.
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  async queued(): Promise<void> {}

  async done(updateId: number): Promise<void> {
    if (this.seen.has(updateId)) this.seen.set(updateId, 'done');
  }

  async release(updateId: number): Promise<void> {
    if (this.seen.get(updateId) === 'claimed') this.seen.delete(updateId);
  }
}
