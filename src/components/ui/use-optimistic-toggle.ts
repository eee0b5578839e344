"use client";

import { useOptimistic, useState, useTransition } from "react";

export type ToggleResult = { ok: true; on: boolean } | { ok: false; message: string };

/**
 * A switch the reader sees flip at once (Save, Follow), sent to the server in a transition and put
 * back, with the server's message, if it is refused or cannot be reached.
 */
export function useOptimisticToggle(initial: boolean, send: (next: boolean) => Promise<ToggleResult>) {
  const [confirmed, setConfirmed] = useState(initial);
  const [on, setOptimistic] = useOptimistic(confirmed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      const next = !on;
      setError(null);
      setOptimistic(next);
      const result = await send(next).catch((): ToggleResult => ({ ok: false, message: "Not changed: we could not reach the server." }));
      if (result.ok) setConfirmed(result.on);
      else setError(result.message);
    });
  return { on, pending, error, toggle };
}
