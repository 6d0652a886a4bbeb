/**
 * Runs jobs one at a time, in arrival order, with a full event-loop turn between two jobs.
 *
 * Why: answering is CPU work on the main thread. Started together, a burst of questions runs
 * back to back as one long block of synchronous code and microtasks, and during that block the
 * process handles no signal, no getUpdates response and no sendMessage reply. Measured: 100
 * questions blocked the loop for ~70 ms in one go; `tsx` (what `npm start` runs) kills its
 * child if a relayed SIGTERM is not acknowledged within 30 ms. One job at a time with a
 * `setImmediate` between jobs bounds the block to a single question and loses no throughput,
 * since the work is single-threaded anyway.
 */

/** Resolves in the next event-loop turn, after pending I/O and signals were handled. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A FIFO of async jobs run one at a time. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Queues `job`; resolves or rejects with its result. A failing job does not stop the queue. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(nextTurn).then(() => {
      this.waiting--;
      return job();
    });
    this.tail = result.catch(() => {});
    return result;
  }

  /** Jobs queued and not started yet. */
  get length(): number {
    return this.waiting;
  }
}
