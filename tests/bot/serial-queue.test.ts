import { describe, expect, it } from "vitest";
import { SerialQueue } from "../../src/bot/serial-queue.js";

describe("SerialQueue", () => {
  it("runs jobs one at a time in arrival order", async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const job = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        events.push(`start ${name}`);
        setTimeout(() => {
          events.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await Promise.all([
      queue.run(job("a", 30)),
      queue.run(job("b", 1)),
      queue.run(job("c", 10)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("keeps going after a failing job", async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error("boom");
    });
    const next = queue.run(async () => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });

  it("lets timers and I/O run between two synchronous jobs", async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    const busy = (name: string) => async () => {
      const until = Date.now() + 15;
      while (Date.now() < until); // CPU-bound, like answering a question
      order.push(name);
    };
    const jobs = [queue.run(busy("job 1")), queue.run(busy("job 2")), queue.run(busy("job 3"))];
    setTimeout(() => order.push("timer"), 0);
    await Promise.all(jobs);
    expect(order.indexOf("timer")).toBeLessThan(order.indexOf("job 3"));
    expect(queue.length).toBe(0);
  });
});
