import type { ChannelSubscription } from "@/generated/prisma/client";
import type { ChannelPaper, ChannelPost } from "@/lib/channels/message";
import type { Db } from "@/server/db";
import type { PaperDto } from "@/server/papers/dto";

/** An edition a subscription owes its channel now. */
export interface DueEdition {
  /** The ledger key: the same edition is posted once however many runs find it due. */
  edition: string;
  /** What to post; null when the edition has nothing to say (it is settled without a message). */
  post: ChannelPost | null;
  /** Called once the edition is settled (sent, given up, or empty); later editions wait for it. */
  settle?: () => Promise<void>;
}

export interface EditionContext {
  db: Db;
  now: Date;
  siteUrl: string;
  /** The edition is already sent or given up on this channel: no need to build its post. */
  settled: (edition: string) => Promise<boolean>;
}

/** The editions one subscription owes at `now`, oldest first. */
export type EditionSource = (subscription: ChannelSubscription, context: EditionContext) => AsyncIterable<DueEdition>;

export function channelPaper(paper: PaperDto, siteUrl: string): ChannelPaper {
  return {
    id: paper.id,
    title: paper.title,
    url: `${siteUrl}/papers/${paper.id}`,
    upvotes: paper.upvotes,
    organization: paper.organization?.fullName ?? null,
  };
}
