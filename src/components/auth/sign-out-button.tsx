"use client";

import { useState, useTransition } from "react";
import { postToAuth } from "@/components/auth/post-to-auth";

const defaultClass =
  "rounded-md px-2 py-1 text-sm font-medium text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-60 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white";

export function SignOutButton({ className = defaultClass }: { className?: string }) {
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      title={failed ? "Signing out failed. Please try again." : undefined}
      onClick={() =>
        startTransition(async () => {
          const result = await postToAuth("/api/auth/signout", { callbackUrl: "/" });
          setFailed(!result.ok);
          // A full load so no page keeps showing signed-in state from the client cache.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- the router would keep that cache
          if (result.ok) window.location.assign("/");
        })
      }
      className={className}
    >
      {pending ? "Signing out…" : failed ? "Sign out (retry)" : "Sign out"}
    </button>
  );
}
