"use client";

import { useTriage } from "@/components/paper-card/triage-store";

export interface TriageCardProps {
  paperId: string;
  /** The server's answer: the reader has seen this paper. */
  seen: boolean;
  className: string;
  children: React.ReactNode;
}

/**
 * A card's frame: the <article> with what the reader did to it in this tab. `data-seen` dims it,
 * `data-current` marks the card the keyboard is on (j/k), and a hidden card leaves the list at
 * once (its list item too, by density.css). The content is rendered on the server, the same for
 * every reader.
 */
export function TriageCard({ paperId, seen, className, children }: TriageCardProps) {
  const hidden = useTriage((state) => state.hidden.has(paperId));
  const read = useTriage((state) => state.read.get(paperId)) ?? seen;
  const current = useTriage((state) => state.current === paperId);
  return (
    <article
      data-testid="paper-card"
      data-paper-id={paperId}
      data-seen={read ? "" : undefined}
      data-current={current ? "" : undefined}
      hidden={hidden}
      className={className}
    >
      {children}
    </article>
  );
}
