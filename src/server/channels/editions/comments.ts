import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { clip, oneLine, type ChannelPaper } from "@/lib/channels/message";
import { countOf } from "@/lib/plural";
import type { EditionSource } from "@/server/channels/editions/due-edition";
import { hourlyEditions } from "@/server/channels/editions/hourly";
import { queryRows } from "@/server/db";

// COMMENTS: new comments on the papers this channel posted in the last FOLLOW_DAYS, an hour's
// worth a post (hourly editions, as new papers are). A paper's comments go under it as notes; on
// Matrix, in the thread of the post that listed the paper (papers are ordered by thread so each
// thread gets one message). Slack's and Discord's webhooks cannot answer in a thread they did not
// start, so there they are a message of their own.

const FOLLOW_DAYS = 30;
/** Comments one post quotes; the rest are counted and linked. */
const COMMENTS_PER_POST = 30;
const COMMENTS_PER_PAPER = 3;

const commentRow = z.object({
  id: z.string(),
  paperId: z.string(),
  title: z.string(),
  body: z.string(),
  handle: z.string().nullable(),
  upvotes: z.number(),
  threadRef: z.string().nullable(),
  total: z.coerce.number(),
});

export const commentEditions: EditionSource = (subscription, context) =>
  hourlyEditions(subscription, context, "comments", async (from, until) => {
    // Raw: from the channel's recent papers through each one's (paperId, createdAt) comment index,
    // so the cost is the channel's papers, not the site's comments.
    const rows = await queryRows(
      context.db,
      commentRow,
      Prisma.sql`
        SELECT c.id, c."paperId", p.title, c.body, u.handle, (p."upstreamUpvotes" + p."localUpvotes")::int AS upvotes, cp."threadRef",
          count(*) OVER () AS total
        FROM "ChannelPostedPaper" cp
        JOIN "Comment" c ON c."paperId" = cp."paperId" AND c."createdAt" >= ${from} AND c."createdAt" < ${until}
        JOIN "Paper" p ON p.id = c."paperId"
        LEFT JOIN "User" u ON u.id = c."userId"
        WHERE cp."channelId" = ${subscription.channelId} AND cp."postedAt" > ${new Date(until.getTime() - FOLLOW_DAYS * 86_400_000)}
          AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND p."hiddenAt" IS NULL
        ORDER BY cp."threadRef" NULLS FIRST, c."createdAt", c.id
        LIMIT ${COMMENTS_PER_POST}`,
    );
    if (rows.length === 0) return null;
    const papers = new Map<string, ChannelPaper & { notes: string[] }>();
    for (const row of rows) {
      const paper = papers.get(row.paperId) ?? {
        id: row.paperId,
        title: row.title,
        url: `${context.siteUrl}/papers/${row.paperId}#comment-${row.id}`,
        upvotes: row.upvotes,
        organization: null,
        threadRoot: row.threadRef,
        notes: [],
      };
      if (paper.notes.length < COMMENTS_PER_PAPER) paper.notes.push(`${row.handle ?? "A reader"}: ${clip(oneLine(row.body), 200)}`);
      papers.set(row.paperId, paper);
    }
    const total = rows[0]!.total;
    return {
      heading: `${countOf(total, "new comment", "new comments")} on papers posted here`,
      url: `${context.siteUrl}/papers/${rows[0]!.paperId}#comment-${rows[0]!.id}`,
      papers: [...papers.values()].map(({ notes, ...paper }) => ({ ...paper, note: notes.join(" / ") })),
    };
  });
