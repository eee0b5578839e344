"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Sync now": a plain form post (it works without JavaScript); with it, the button says it is busy. */
export function SyncNowForm() {
  const [pending, setPending] = useState(false);
  return (
    <form action="/api/admin/sync" method="post" onSubmit={() => setPending(true)}>
      <SubmitButton pending={pending} pendingLabel="Syncing… (arXiv asks for 3 s between pages)">
        Sync now
      </SubmitButton>
    </form>
  );
}
