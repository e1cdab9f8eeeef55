// Per-key serial save queue for the assessment grid. Writes for one employee
// run one after another (the first one creates the draft; a second write sent
// in parallel could otherwise create another), different employees run in
// parallel. Each cell reports saving → saved | error through `onstate`.

export type CellSaveState = 'saving' | 'saved' | 'error';

export interface SaveQueueOptions<R> {
  onstate: (cellKey: string, state: CellSaveState, result: R | null, error: unknown) => void;
  /** Called whenever the number of unfinished writes changes. */
  onpending?: (pending: number) => void;
}

export class SaveQueue<R> {
  private chains = new Map<string, Promise<void>>();
  private latest = new Map<string, number>();
  private seq = 0;
  pending = 0;

  constructor(private readonly opts: SaveQueueOptions<R>) {}

  /**
   * Queues write for cellKey behind earlier writes of the same queue key
   * (the employee). A cell retyped before its earlier write finished reports
   * only the outcome of its latest write.
   */
  push(queueKey: string, cellKey: string, write: () => Promise<R>): Promise<void> {
    const mine = ++this.seq;
    this.latest.set(cellKey, mine);
    this.setPending(this.pending + 1);
    this.opts.onstate(cellKey, 'saving', null, null);
    const prev = this.chains.get(queueKey) ?? Promise.resolve();
    const next = prev.then(async () => {
      try {
        const r = await write();
        if (this.latest.get(cellKey) === mine) this.opts.onstate(cellKey, 'saved', r, null);
      } catch (e) {
        if (this.latest.get(cellKey) === mine) this.opts.onstate(cellKey, 'error', null, e);
      } finally {
        this.setPending(this.pending - 1);
      }
    });
    this.chains.set(queueKey, next);
    void next.then(() => {
      if (this.chains.get(queueKey) === next) this.chains.delete(queueKey);
    });
    return next;
  }

  /** Resolves when every queued write has finished. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private setPending(n: number) {
    this.pending = n;
    this.opts.onpending?.(n);
  }
}
