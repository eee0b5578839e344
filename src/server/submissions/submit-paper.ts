import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { parseArxivId } from "@/lib/arxiv-id";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db";
import { enforceRateLimit, refundRateLimit, type RateLimitRule } from "@/server/http/rate-limit";
import { fetchArxivPapers, isMissingPaper } from "@/server/ingest/arxiv-client";
import type { RetryOptions } from "@/server/ingest/fetch-with-retry";
import type { PaperRecord } from "@/server/ingest/paper-record";

export interface SubmissionDeps {
  db: Db;
  arxivApiUrl: string;
  rateLimit: RateLimitRule;
  /** A person is waiting on the page, so arXiv gets a short leash. */
  retry?: RetryOptions;
  now?: Date;
}

export type SubmissionResult = { status: "added" | "exists"; paper: { id: string; title: string } };

export const SUBMISSION_RATE_LIMIT: RateLimitRule = { limit: 10, windowMs: 3_600_000 };
export const SUBMISSION_RETRY: RetryOptions = { attempts: 2, baseDelayMs: 500, timeoutMs: 10_000 };

const submissionInput = z.object({
  arxiv: z
    .string({ error: "Enter an arXiv id or link." })
    .trim()
    .min(1, "Enter an arXiv id or link.")
    .max(300, "That is too long for an arXiv id or link.")
    .transform((value, ctx) => {
      const id = parseArxivId(value);
      if (id) return id;
      ctx.addIssue({
        code: "custom",
        message: "That is not an arXiv id or link. Try 2401.00001, arXiv:2401.00001, https://arxiv.org/abs/2401.00001 or hep-th/9901001.",
      });
      return z.NEVER;
    }),
});

/**
 * Adds an arXiv paper to today's feed (UTC) with `userId` as its submitter. A paper already here
 * is reported, not changed. Nothing is written unless arXiv returned the paper's metadata.
 */
export async function submitPaper(deps: SubmissionDeps, userId: string, input: unknown): Promise<SubmissionResult> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const parsed = submissionInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Enter an arXiv id or link.", { param: "arxiv" });
  const id = parsed.data.arxiv;

  const existing = await db.paper.findUnique({ where: { id }, select: { id: true, title: true } });
  if (existing) return { status: "exists", paper: existing };

  const rateLimitKey = `submit:user:${userId}`;
  await enforceRateLimit(
    db,
    rateLimitKey,
    deps.rateLimit,
    (wait) => `You have submitted a lot of papers in the last hour. Try again in ${wait}.`,
    now,
  );

  const today = toIsoDate(now);
  const { papers, failures } = await fetchArxivPapers([id], {
    apiUrl: deps.arxivApiUrl,
    feedDate: today,
    retry: deps.retry ?? SUBMISSION_RETRY,
  });
  const record = papers[0];
  if (!record) {
    const failure = failures[0];
    if (failure && isMissingPaper(failure)) throw new AppError("NOT_FOUND", `arXiv has no paper ${id}. Check the id and try again.`);
    // Our upstream failed, not the person: the attempt does not count toward their limit.
    await refundRateLimit(db, rateLimitKey, now);
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      "arXiv is not answering right now, so nothing was added. Please try again in a few minutes.",
    );
  }

  try {
    const paper = await db.paper.create({ data: toPaperData(record, userId, now), select: { id: true, title: true } });
    return { status: "added", paper };
  } catch (error) {
    // Someone else added it while arXiv was answering us.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "exists", paper: await db.paper.findUniqueOrThrow({ where: { id }, select: { id: true, title: true } }) };
    }
    throw error;
  }
}

function toPaperData(record: PaperRecord, userId: string, now: Date): Prisma.PaperUncheckedCreateInput {
  return {
    id: record.id,
    title: record.title,
    abstract: record.abstract,
    authors: record.authors,
    publishedAt: record.publishedAt,
    feedDate: fromIsoDate(record.feedDate),
    submittedAt: now,
    source: "ARXIV",
    submittedById: userId,
    categories: record.categories,
    categoriesCheckedAt: record.categoriesCheckedAt,
  };
}
