import { collectionReason } from "@/lib/collections/collection-form";
import { followReason, type FollowKindName } from "@/lib/follows";
import { countOf } from "@/lib/plural";

// Why a paper is on a reader's for-you, as data (the page shows the details under "Why") and as
// one line of words for the card, the private feed and the digest.

export type ForYouReason =
  | { kind: "follow"; followKind: FollowKindName; value: string }
  | { kind: "similar"; count: number; closest: { id: string; title: string }[]; terms: string[] }
  | { kind: "terms"; terms: string[] }
  | { kind: "trending"; categories: string[] }
  | { kind: "collection"; name: string; handle: string; slug: string };

const quoted = (title: string) => `“${title}”`;

export function reasonText(reason: ForYouReason): string {
  switch (reason.kind) {
    case "follow":
      return followReason(reason.followKind, reason.value);
    case "similar": {
      const titles = reason.closest.map((paper) => quoted(paper.title)).join(", ");
      if (reason.count === 1) return `Similar to a paper you saved or upvoted: ${titles}`;
      const more = reason.count > reason.closest.length ? ", …" : "";
      return `Similar to ${countOf(reason.count, "paper", "papers")} you saved or upvoted: ${titles}${more}`;
    }
    case "terms":
      return reason.terms.length > 0 ? `Matches what you keep: ${reason.terms.join(", ")}` : "Ranked by what you save and upvote";
    case "collection":
      return collectionReason(reason);
    case "trending":
      return reason.categories.length > 0 ? `Trending this week in ${reason.categories.join(", ")}` : "Trending this week";
  }
}
