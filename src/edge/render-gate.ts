// A bound on the work in flight. Each render holds memory (the page's data, its RSC payload, the
// HTML) and CPU; beyond what the machine can do at once, more renders only make every answer slower
// until the heap runs out. So at most `concurrency` run, at most `queue` wait, none waits longer than
// `maxWaitMs`, and everyone else is told at once to come back later.

export interface RenderGateOptions {
  /** Renders running at once. */
  concurrency: number;
  /** Renders waiting for a slot; 0 refuses as soon as every slot is taken. */
  queue: number;
  /** Longest wait for a slot before giving up (the answer would be too late to be worth it). */
  maxWaitMs: number;
}

/** Thrown by `RenderGate.run` instead of running the task. */
export class Overloaded extends Error {
  constructor() {
    super("Too many pages are being prepared right now.");
    this.name = "Overloaded";
  }
}

interface Waiter {
  start: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export class RenderGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: RenderGateOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `task` when a slot is free; throws `Overloaded` when the queue is full or the wait too long. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await task();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(new Overloaded());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.running += 1;
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new Overloaded());
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private leave(): void {
    this.running -= 1;
    this.waiting.shift()?.start();
  }
}
