"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldInputClass } from "@/components/ui/form-field";

/** The invite link, selectable, with a button that copies it and says so. */
export function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="invite-link" className="text-sm font-medium">
        Invite link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="invite-link"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className={`${fieldInputClass} font-mono`}
        />
        <Button
          tone="secondary"
          size="sm"
          onClick={() => {
            navigator.clipboard.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("no"),
            );
          }}
        >
          Copy link
        </Button>
      </div>
      <p role="status" className="text-sm text-gray-600 dark:text-gray-400">
        {copied === "yes"
          ? "Copied. Anyone with the link can join: share it with the people you mean."
          : copied === "no"
            ? "Your browser did not let us copy: select the link and copy it yourself."
            : ""}
      </p>
    </div>
  );
}
