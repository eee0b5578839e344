import "server-only";
/** Runs `worker` `count` times in parallel and waits for all; the first error rejects after all settle. */
export async function runWorkers(count: number, worker: (index: number) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(Array.from({ length: count }, (_, index) => worker(index)));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failure) throw failure.reason;
}
