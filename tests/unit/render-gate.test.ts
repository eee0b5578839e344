import { describe, expect, it } from "vitest";
import { ClientBudget } from "@/edge/client-budget";
import { Overloaded, RenderGate } from "@/edge/render-gate";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe("the render gate", () => {
  it("runs at most `concurrency` tasks, queues `queue` more, refuses the rest at once, and recovers", async () => {
    const gate = new RenderGate({ concurrency: 2, queue: 1, maxWaitMs: 10_000 });
    const release = deferred();
    const started: number[] = [];
    const task = (id: number) => gate.run(async () => (started.push(id), await release.promise, id));
    const running = [task(1), task(2), task(3)];
    await expect(task(4)).rejects.toBeInstanceOf(Overloaded);
    expect(started).toEqual([1, 2]);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    release.resolve();
    expect(await Promise.all(running)).toEqual([1, 2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect(await gate.run(async () => "again")).toBe("again");
  });

  it("gives up on a wait longer than maxWaitMs, and frees the slot of a task that throws", async () => {
    const gate = new RenderGate({ concurrency: 1, queue: 5, maxWaitMs: 20 });
    const release = deferred();
    const holder = gate.run(() => release.promise);
    await expect(gate.run(async () => "late")).rejects.toBeInstanceOf(Overloaded);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    release.resolve();
    await holder;
    await expect(gate.run(async () => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe("the per-client budget", () => {
  it("allows a burst, then one render per 1/rate seconds, each client on its own", () => {
    let clock = 0;
    const budget = new ClientBudget({ perSecond: 2, burst: 4, maxClients: 10, now: () => clock });
    const spent = Array.from({ length: 5 }, () => budget.take("crawler").allowed);
    expect(spent).toEqual([true, true, true, true, false]);
    expect(budget.take("crawler")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(budget.take("reader").allowed).toBe(true);
    clock += 500;
    expect(budget.take("crawler").allowed).toBe(true);
    expect(budget.take("crawler").allowed).toBe(false);
  });

  it("remembers at most maxClients, forgetting the least recently seen", () => {
    const budget = new ClientBudget({ perSecond: 1, burst: 1, maxClients: 2, now: () => 0 });
    budget.take("a");
    budget.take("b");
    expect(budget.take("a").allowed).toBe(false);
    budget.take("c");
    // "b" was forgotten: it starts with a full allowance again.
    expect(budget.take("b").allowed).toBe(true);
  });
});
