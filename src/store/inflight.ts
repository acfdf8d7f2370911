/**
 * Bookkeeping of running requests: dedup by slice id, abort by channel, and an idle signal for tests.
 * Lives outside the zustand state because AbortControllers and promises are not state to render.
 */
interface Running {
  controller: AbortController;
  promise: Promise<void>;
  channel: string | undefined;
}

export class InFlight {
  private readonly running = new Map<string, Running>();
  private readonly channels = new Map<string, string>();
  private idleWaiters: Array<() => void> = [];

  /** `onChange` is told the new count whenever a request starts or ends. */
  constructor(private readonly onChange: (size: number) => void = () => {}) {}

  get size(): number {
    return this.running.size;
  }

  get(id: string): Running | undefined {
    return this.running.get(id);
  }

  /** Registers a request; aborts whatever else was running on the same channel. */
  start(id: string, channel: string | undefined, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (channel !== undefined) {
      const previous = this.channels.get(channel);
      if (previous !== undefined && previous !== id) this.running.get(previous)?.controller.abort();
      this.channels.set(channel, id);
    }
    const controller = new AbortController();
    const entry: Running = { controller, channel, promise: Promise.resolve() };
    this.running.set(id, entry);
    this.onChange(this.running.size);
    entry.promise = run(controller.signal).finally(() => {
      if (this.running.get(id) === entry) this.running.delete(id);
      if (channel !== undefined && this.channels.get(channel) === id && this.running.get(id) === undefined) {
        this.channels.delete(channel);
      }
      this.onChange(this.running.size);
      if (this.running.size === 0) this.flushIdle();
    });
    return entry.promise;
  }

  abortChannel(channel: string): void {
    const id = this.channels.get(channel);
    if (id !== undefined) this.running.get(id)?.controller.abort();
  }

  abortAll(): void {
    for (const r of this.running.values()) r.controller.abort();
  }

  whenIdle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private flushIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
