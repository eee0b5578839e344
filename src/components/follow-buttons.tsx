"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { FollowKindName } from "@/lib/follows";
import { followAction, type FollowState } from "@/server/follows/actions";

export interface FollowButtonsProps {
  kind: FollowKindName;
  value: string;
  /** The viewer's standing now; null when neither following nor muting. */
  current: "follow" | "mute" | null;
  signedIn: boolean;
  /** "Follow" by default; "Follow this search" on search results. */
  label?: string;
  /** Offer "Not interested" (organizations, topics and categories). */
  canMute?: boolean;
}

function Choice({
  kind,
  value,
  mode,
  children,
  tone,
}: {
  kind: FollowKindName;
  value: string;
  mode: string;
  children: React.ReactNode;
  tone: "primary" | "secondary";
}) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <button type="submit" name="mode" value={mode} className={buttonClasses({ size: "sm", tone })}>
        {children}
      </button>
    </>
  );
}

/** Follow / unfollow and "Not interested" for an organization, author, topic or category; plain form posts. */
export function FollowButtons({ kind, value, current, signedIn, label = "Follow", canMute = false }: FollowButtonsProps) {
  const pathname = usePathname();
  const [state, action, pending] = useActionState<FollowState, FormData>(followAction, null);
  const standing = state?.ok ? (state.mode === "unfollow" ? null : state.mode) : current;
  if (!signedIn) {
    return (
      <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(pathname)}`} className={buttonClasses({ size: "sm", tone: "secondary" })}>
        {label}
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={action} aria-busy={pending || undefined} className="flex gap-2">
        {standing === "follow" ? (
          <Choice kind={kind} value={value} mode="unfollow" tone="secondary">
            Following ✓ <span className="sr-only">(unfollow)</span>
          </Choice>
        ) : standing === "mute" ? (
          <Choice kind={kind} value={value} mode="unfollow" tone="secondary">
            Muted <span className="sr-only">(show again)</span>
          </Choice>
        ) : (
          <Choice kind={kind} value={value} mode="follow" tone="primary">
            {label}
          </Choice>
        )}
      </form>
      {canMute && standing === null && (
        <form action={action}>
          <Choice kind={kind} value={value} mode="mute" tone="secondary">
            Not interested
          </Choice>
        </form>
      )}
      {state && !state.ok && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
