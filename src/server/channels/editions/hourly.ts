import "server-only";
import type { ChannelSubscription } from "@/generated/prisma/client";
import type { ChannelPost } from "@/lib/channels/message";
import type { DueEdition, EditionContext } from "@/server/channels/editions/due-edition";

// Subscriptions to what arrives (new papers, new comments) post an hour's worth at a time. Each
// UTC hour is an edition, `<prefix>:<subscription>:<hour>`, built from the rows of that hour
// alone, so every run that finds it due builds the same post. An hour is due WINDOW_GRACE_MS after
// it ends, which leaves time for a transaction that began inside it to commit. `postedThrough`
// moves past an hour once its edition is settled, so the next run starts where this one stopped.

const HOUR_MS = 3_600_000;
const WINDOW_GRACE_MS = 10 * 60_000;
/** Hours one run may catch up on per subscription (a day of downtime). */
const HOURS_PER_RUN = 24;
/** Older hours are skipped rather than posted late: two-day-old news is not news. */
const MAX_LATENESS_MS = 2 * 24 * HOUR_MS;

const floorHour = (time: number) => Math.floor(time / HOUR_MS) * HOUR_MS;

/** The post of the hour [from, until), or null when nothing arrived in it. */
export type HourPost = (from: Date, until: Date) => Promise<ChannelPost | null>;

export async function* hourlyEditions(
  subscription: ChannelSubscription,
  { db, now, settled }: EditionContext,
  prefix: string,
  postOf: HourPost,
): AsyncGenerator<DueEdition> {
  let from = (subscription.postedThrough ?? subscription.createdAt).getTime();
  if (from < now.getTime() - MAX_LATENESS_MS) from = floorHour(now.getTime() - MAX_LATENESS_MS);
  for (let hour = 0; hour < HOURS_PER_RUN; hour += 1) {
    const start = from;
    const until = floorHour(start) + HOUR_MS;
    if (until + WINDOW_GRACE_MS > now.getTime()) return;
    from = until;
    const edition = `${prefix}:${subscription.id}:${new Date(floorHour(start)).toISOString()}`;
    const settle = async () => {
      // Conditional: of two runs settling the same hour, the cursor moves once and never back.
      await db.channelSubscription.updateMany({
        where: { id: subscription.id, OR: [{ postedThrough: null }, { postedThrough: { lte: new Date(start) } }] },
        data: { postedThrough: new Date(until) },
      });
    };
    if (await settled(edition)) {
      await settle();
      continue;
    }
    yield { edition, post: await postOf(new Date(start), new Date(until)), settle };
  }
}
