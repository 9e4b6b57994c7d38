/** Remembers which updates were handled, so an update Telegram delivers twice is answered once. */
export interface UpdateDeduper {
  /** True the first time an update id is seen, false after. */
  firstTime(updateId: number): Promise<boolean>;
}

/** In-process de-duplication over the most recent update ids (Telegram redelivers within minutes). */
export class MemoryDeduper implements UpdateDeduper {
  private readonly seen = new Set<number>();
  constructor(private readonly capacity = 50_000) {}

  async firstTime(updateId: number): Promise<boolean> {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
