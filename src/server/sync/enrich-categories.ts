import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { pagesChanged } from "@/server/changes/pages-changed";
import type { Db } from "@/server/db";
import { lookUpArxivIds, type ArxivLookup } from "@/server/ingest/arxiv-client";
import { ARXIV_REQUEST_GAP_MS } from "@/server/sync/arxiv-source";
import type { SyncContext } from "@/server/sync/context";

/** Ids in one id_list request: arXiv's page size, so one request answers them all. */
export const IDS_PER_REQUEST = 100;
/** Requests one run sends at most: a thousand papers, about half a minute of arXiv's politeness gaps. */
export const CATEGORY_REQUESTS_PER_RUN = 10;

export interface EnrichmentOptions {
  /** At most this many id_list requests (default CATEGORY_REQUESTS_PER_RUN). */
  maxRequests?: number;
  /** An arXiv source has just sent a request: arXiv asks for 3 seconds before the next one too. */
  afterArxivSource?: boolean;
}

export interface CategoryEnrichment {
  /** id_list requests sent to arXiv. */
  requests: number;
  /** Papers that got their categories. */
  categorized: number;
  /** Papers arXiv does not know: marked as asked, with no categories, so they are not asked again. */
  unknownToArxiv: number;
  /** Papers of requests that failed, still without categories: the next sync asks again. */
  leftForNextSync: number;
  /** Why the last failed request failed; null when none did. */
  error: string | null;
}

/**
 * Gives papers without arXiv categories (Hugging Face's, and those imported before categories
 * were stored) theirs, newest first, 100 ids per arXiv request and at most `maxRequests` requests
 * a run, so a backlog is worked off a bounded stretch per sync. What is still to do is the papers
 * whose "categoriesCheckedAt" is NULL: a run killed part-way loses nothing, and writing an answer
 * twice changes nothing. A request that fails leaves its papers NULL; when arXiv itself is
 * failing (unreachable, 5xx after retries) the run stops there rather than spend every request.
 */
export async function enrichCategories(
  context: SyncContext,
  { maxRequests = CATEGORY_REQUESTS_PER_RUN, afterArxivSource = false }: EnrichmentOptions = {},
): Promise<CategoryEnrichment> {
  const { db } = context;
  const report: CategoryEnrichment = { requests: 0, categorized: 0, unknownToArxiv: 0, leftForNextSync: 0, error: null };
  // Ids this run asked for that are still NULL after a failed answer, so the next request moves on.
  const passedOver: string[] = [];
  while (report.requests < maxRequests) {
    const ids = await papersLackingCategories(db, passedOver);
    if (ids.length === 0) break;
    // arXiv asks for 3 seconds between requests.
    if (report.requests > 0 || afterArxivSource) await context.sleep(ARXIV_REQUEST_GAP_MS);
    report.requests += 1;
    const lookup = await lookUpArxivIds(ids, {
      apiUrl: context.endpoints.arxiv,
      retry: {
        fetch: context.fetch,
        sleep: context.sleep,
        onRetry: ({ attempt, delayMs, reason }) => context.progress(`arXiv categories: ${reason}, retry ${attempt} in ${delayMs} ms`),
      },
    });
    const answer = readAnswer(ids, lookup);
    await storeCategories(db, [...answer.found, ...answer.unknown.map((id) => ({ id, categories: [] }))], context.now());
    report.categorized += answer.found.length;
    report.unknownToArxiv += answer.unknown.length;
    report.leftForNextSync += answer.left.length;
    passedOver.push(...answer.left);
    if (answer.failure) report.error = answer.failure;
    context.progress(
      `arXiv categories: ${ids.length} papers asked, ${answer.found.length} categorized, ${answer.unknown.length} unknown to arXiv` +
        (answer.failure ? `, ${answer.left.length} left for the next sync: ${answer.failure}` : ""),
    );
    if (lookup.outcome === "failed") break;
  }
  return report;
}

interface Answer {
  found: { id: string; categories: string[] }[];
  unknown: string[];
  left: string[];
  failure: string | null;
}

function readAnswer(ids: string[], lookup: ArxivLookup): Answer {
  if (lookup.outcome === "failed") return { found: [], unknown: [], left: ids, failure: lookup.reason };
  if (lookup.outcome === "rejected") {
    // arXiv refuses a whole id_list for one malformed id and names it ("incorrect id format for
    // 1234.12345"); that id is never going to be known, the others are asked again.
    const named = new Set(lookup.errors.flatMap((error) => error.split(/[\s,;]+/)));
    const unknown = ids.filter((id) => named.has(id));
    return {
      found: [],
      unknown,
      left: ids.filter((id) => !named.has(id)),
      failure: `arXiv rejected the request: ${lookup.errors.join("; ")}`,
    };
  }
  const byId = new Map(lookup.entries.map((entry) => [entry.id, entry]));
  // arXiv's API now and then answers a valid query with an empty feed; papers from Hugging Face
  // are on arXiv, so an answer that knows none of several ids is that hiccup, not their verdict.
  if (byId.size === 0 && ids.length > 1) {
    return { found: [], unknown: [], left: ids, failure: `arXiv answered with none of the ${ids.length} papers asked for` };
  }
  return {
    found: ids.flatMap((id) => {
      const entry = byId.get(id);
      return entry ? [{ id, categories: entry.categories }] : [];
    }),
    unknown: ids.filter((id) => !byId.has(id)),
    left: [],
    failure: null,
  };
}

/** The newest papers still without categories, by the ("categoriesCheckedAt", "feedDate") index. */
async function papersLackingCategories(db: Db, passedOver: string[]): Promise<string[]> {
  const papers = await db.paper.findMany({
    where: { categoriesCheckedAt: null, id: { notIn: passedOver } },
    orderBy: { feedDate: "desc" },
    take: IDS_PER_REQUEST,
    select: { id: true },
  });
  return papers.map((paper) => paper.id);
}

async function storeCategories(db: Db, answers: { id: string; categories: string[] }[], checkedAt: Date): Promise<void> {
  if (answers.length === 0) return;
  await db.$transaction(async (tx) => {
    // Raw: one statement sets each paper's own list; Prisma's updateMany writes one value to all.
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Paper" AS p
      SET "categories" = a."categories",
          "categoriesCheckedAt" = (${checkedAt}::timestamptz AT TIME ZONE 'UTC'),
          "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a("id" text, "categories" text[])
      WHERE p."id" = a."id"`);
    await pagesChanged({ from: "job", papers: "changed", db: tx });
  });
}
