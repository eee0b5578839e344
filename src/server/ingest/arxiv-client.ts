import "server-only";
import { isArxivId } from "@/lib/arxiv-id";
import { parseArxivFeed, type ArxivEntry, type ArxivFeed } from "@/server/ingest/arxiv-atom";
import { fetchWithRetry, type RetryOptions } from "@/server/ingest/fetch-with-retry";
import { blankPaperRecord, type PaperRecord } from "@/server/ingest/paper-record";

export interface ArxivFetchOptions {
  /** The query endpoint, e.g. `https://export.arxiv.org/api/query`. */
  apiUrl: string;
  /** `YYYY-MM-DD` given to every returned paper. */
  feedDate: string;
  retry?: RetryOptions;
}

export interface ArxivFailure {
  id: string;
  reason: string;
}

export interface ArxivFetchResult {
  papers: PaperRecord[];
  failures: ArxivFailure[];
}

// arXiv rejects a whole id_list when one id is bad, so smaller requests contain the damage.
const CHUNK_SIZE = 50;

/** Fetches bare arXiv ids (no version suffix). Never throws for arXiv's or the network's failures. */
export async function fetchArxivPapers(ids: string[], options: ArxivFetchOptions): Promise<ArxivFetchResult> {
  const requested = [...new Set(ids)];
  const result: ArxivFetchResult = {
    papers: [],
    failures: requested.filter((id) => !isArxivId(id)).map((id) => ({ id, reason: NOT_AN_ID })),
  };
  const valid = requested.filter(isArxivId);
  for (let start = 0; start < valid.length; start += CHUNK_SIZE) {
    const chunk = await fetchChunk(valid.slice(start, start + CHUNK_SIZE), options);
    result.papers.push(...chunk.papers);
    result.failures.push(...chunk.failures);
  }
  return result;
}

/**
 * True when arXiv answered and the paper is not there (or the id was refused as malformed), as
 * opposed to arXiv being unreachable or failing: the first is the asker's mistake, the second
 * is worth retrying later.
 */
export function isMissingPaper(failure: ArxivFailure): boolean {
  return (
    failure.reason === NOT_AN_ID ||
    failure.reason === NOT_FOUND ||
    failure.reason.startsWith(MISSING_WITH_ERRORS) ||
    failure.reason.startsWith(REJECTED)
  );
}

const NOT_AN_ID = "is not an arXiv id";
const NOT_FOUND = "not found on arXiv";
const MISSING_WITH_ERRORS = "missing from arXiv's answer";
const REJECTED = "arXiv rejected the request";

/** What arXiv said to one id_list request. */
export type ArxivLookup =
  /** Entries for the ids arXiv has; an id it does not have is simply absent. */
  | { outcome: "answered"; entries: ArxivEntry[]; errors: string[] }
  /** arXiv refused the request with its own error entries (a malformed id): the asker's mistake. */
  | { outcome: "rejected"; errors: string[] }
  /** Unreachable, failing or unreadable: worth asking again later. */
  | { outcome: "failed"; reason: string };

/** One id_list request for valid bare ids. Never throws for arXiv's or the network's failures. */
export async function lookUpArxivIds(ids: string[], options: Pick<ArxivFetchOptions, "apiUrl" | "retry">): Promise<ArxivLookup> {
  // Valid ids hold only letters, digits, '.', '-' and '/', so they need no escaping.
  const url = `${options.apiUrl}?id_list=${ids.join(",")}&start=0&max_results=${ids.length}`;

  let response: Response;
  let body: string;
  try {
    response = await fetchWithRetry(url, options.retry);
    body = await response.text();
  } catch (error) {
    return { outcome: "failed", reason: `arXiv is unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }

  let feed: ArxivFeed;
  try {
    feed = parseArxivFeed(body);
  } catch (error) {
    if (!response.ok) return { outcome: "failed", reason: `arXiv answered HTTP ${response.status}` };
    return { outcome: "failed", reason: `arXiv sent an unreadable answer: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!response.ok) {
    return feed.errors.length > 0
      ? { outcome: "rejected", errors: feed.errors }
      : { outcome: "failed", reason: `arXiv answered HTTP ${response.status}` };
  }
  return { outcome: "answered", entries: feed.entries, errors: feed.errors };
}

async function fetchChunk(ids: string[], options: ArxivFetchOptions): Promise<ArxivFetchResult> {
  const failAll = (reason: string): ArxivFetchResult => ({ papers: [], failures: ids.map((id) => ({ id, reason })) });
  const lookup = await lookUpArxivIds(ids, options);
  if (lookup.outcome === "failed") return failAll(lookup.reason);
  if (lookup.outcome === "rejected") return failAll(`${REJECTED}: ${lookup.errors.join("; ")}`);

  const answeredAt = new Date();
  const byId = new Map(lookup.entries.map((entry) => [entry.id, entry]));
  const missingReason = lookup.errors.length > 0 ? `${MISSING_WITH_ERRORS}, which reported: ${lookup.errors.join("; ")}` : NOT_FOUND;
  const result: ArxivFetchResult = { papers: [], failures: [] };
  for (const id of ids) {
    const entry = byId.get(id);
    if (entry) result.papers.push(toPaperRecord(entry, options.feedDate, answeredAt));
    else result.failures.push({ id, reason: missingReason });
  }
  return result;
}

/** A paper as arXiv describes it, with its categories as arXiv gave them at `answeredAt`. */
export function toPaperRecord(entry: ArxivEntry, feedDate: string, answeredAt: Date): PaperRecord {
  return {
    ...blankPaperRecord({
      id: entry.id,
      title: entry.title,
      abstract: entry.abstract,
      authors: entry.authors,
      publishedAt: entry.publishedAt,
      feedDate,
      source: "ARXIV",
    }),
    categories: entry.categories,
    categoriesCheckedAt: answeredAt,
  };
}
