// Parses Hugging Face `/api/daily_papers` responses. The format drifted over the years (see
// tests/fixtures/hf-daily-papers/README.md); the schema below accepts every generation seen so far
// and ignores keys it does not know, so the next drift degrades to missing optional fields.
import "server-only";
import { z } from "zod";
import { isArxivId } from "@/lib/arxiv-id";
import { toIsoDate } from "@/lib/dates";
import { collapseWhitespace, isStorableText, unwrapParagraphs } from "@/lib/text";
import { CATEGORIES_UNKNOWN, type PaperRecord } from "@/server/ingest/paper-record";

const HF_ORIGIN = "https://huggingface.co";

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);

const organizationSchema = z.object({
  name: z.string().min(1),
  fullname: z.string().optional(),
  avatar: z.string().optional(),
});

const userSchema = z.object({
  user: z.string().optional(),
  name: z.string().optional(),
  fullname: z.string().optional(),
  avatarUrl: z.string().optional(),
});

const paperSchema = z.object({
  id: z.string().refine(isArxivId, "is not an arXiv id"),
  title: z.string().refine((value) => value.trim().length > 0, "is empty"),
  summary: z.string(),
  authors: z
    .array(
      z.object({
        name: z.string(),
        // `claimed_verified`: the author claimed the paper on Hugging Face and it was verified.
        status: nullish(z.string()),
        hidden: nullish(z.boolean()),
        user: nullish(z.object({ user: z.string() })),
      }),
    )
    .min(1, "has no authors"),
  publishedAt: z.iso.datetime({ offset: true }),
  upvotes: z.number().int().nonnegative(),
  submittedOnDailyAt: nullish(z.iso.datetime({ offset: true })),
  submittedOnDailyBy: nullish(userSchema),
  organization: nullish(organizationSchema),
  githubRepo: nullish(z.url({ protocol: /^https?$/ })),
  githubStars: nullish(z.number().int().nonnegative()),
  projectPage: nullish(z.url({ protocol: /^https?$/ })),
  ai_summary: nullish(z.string()),
  ai_keywords: nullish(z.array(z.string())),
  mediaUrls: nullish(z.array(z.string())),
});

const hfDailyPaperSchema = z.object({
  paper: paperSchema,
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  title: nullish(z.string()),
  numComments: nullish(z.number().int().nonnegative()),
  submittedBy: nullish(userSchema),
  organization: nullish(organizationSchema),
  thumbnail: nullish(z.string()),
  mediaUrl: nullish(z.string()),
  mediaUrls: nullish(z.array(z.string())),
});

export type HfDailyPaper = z.infer<typeof hfDailyPaperSchema>;

export interface ItemProblem {
  index: number;
  paperId: string | null;
  message: string;
}

export interface ParsedDailyPapers {
  records: PaperRecord[];
  problems: ItemProblem[];
}

/**
 * Validates each item of a daily_papers response. `requestDate` is the day the response was
 * requested for (from `--date` or the file name): items lacking `submittedOnDailyAt` belong to it,
 * because HF's day boundary is not UTC midnight and their timestamps cannot tell.
 */
export function parseDailyPapers(data: unknown, requestDate: string | null): ParsedDailyPapers {
  if (!Array.isArray(data)) {
    throw new Error(`expected a JSON array of daily papers, got ${describe(data)}`);
  }
  const records: PaperRecord[] = [];
  const problems: ItemProblem[] = [];
  data.forEach((item, index) => {
    const unstorable = findUnstorableText(item);
    if (unstorable) {
      problems.push({
        index,
        paperId: peekPaperId(item),
        message: `${unstorable} holds a character PostgreSQL cannot store (NUL or a lone UTF-16 surrogate)`,
      });
      return;
    }
    const parsed = hfDailyPaperSchema.safeParse(item);
    if (!parsed.success) {
      problems.push({ index, paperId: peekPaperId(item), message: formatIssues(parsed.error) });
      return;
    }
    const feedDate = feedDateOf(parsed.data, requestDate);
    if (!feedDate) {
      problems.push({ index, paperId: parsed.data.paper.id, message: "has no date: no submittedOnDailyAt, request date or publishedAt" });
      return;
    }
    records.push(toPaperRecord(parsed.data, feedDate));
  });
  return { records, problems };
}

/**
 * The path of the first string (or key) in `value` that PostgreSQL cannot store, or null: one
 * such string makes PostgreSQL refuse the whole statement, and with it every paper of the file.
 */
function findUnstorableText(value: unknown, path = "item"): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const found = findUnstorableText(element, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, element] of Object.entries(value)) {
      if (!isStorableText(key)) return `${path} (a key)`;
      const found = findUnstorableText(element, path === "item" ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function feedDateOf(item: HfDailyPaper, requestDate: string | null): string | null {
  const submitted = item.paper.submittedOnDailyAt;
  if (submitted) return toIsoDate(new Date(submitted));
  if (requestDate) return requestDate;
  return item.publishedAt ? toIsoDate(new Date(item.publishedAt)) : null;
}

// A Hugging Face user name as their addresses spell it; anything else is not shown as a handle.
const HF_USER = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;

function toPaperRecord(item: HfDailyPaper, feedDate: string): PaperRecord {
  const { paper } = item;
  const organization = item.organization ?? paper.organization ?? null;
  const submitter = item.submittedBy ?? paper.submittedOnDailyBy ?? null;
  const submitterName = submitter?.name ?? submitter?.user;
  const mediaUrls = item.mediaUrls ?? paper.mediaUrls ?? (item.mediaUrl ? [item.mediaUrl] : []);
  return {
    id: paper.id,
    title: collapseWhitespace(item.title || paper.title),
    abstract: unwrapParagraphs(paper.summary),
    authors: paper.authors.map((author) => collapseWhitespace(author.name)).filter((name) => name.length > 0),
    verifiedAuthors: paper.authors.flatMap((author) =>
      author.status === "claimed_verified" &&
      author.user &&
      HF_USER.test(author.user.user) &&
      !author.hidden &&
      collapseWhitespace(author.name)
        ? [{ name: collapseWhitespace(author.name), hfUser: author.user.user }]
        : [],
    ),
    publishedAt: new Date(paper.publishedAt),
    feedDate,
    submittedAt: paper.submittedOnDailyAt ? new Date(paper.submittedOnDailyAt) : null,
    source: "HF_DAILY",
    organization: organization
      ? {
          name: organization.name,
          fullName: organization.fullname?.trim() || organization.name,
          avatarUrl: absoluteHfUrl(organization.avatar),
        }
      : null,
    submitter: submitterName
      ? { name: submitterName, fullName: submitter?.fullname ?? null, avatarUrl: absoluteHfUrl(submitter?.avatarUrl) }
      : null,
    upstreamUpvotes: paper.upvotes,
    upstreamComments: item.numComments ?? 0,
    githubRepo: paper.githubRepo ?? null,
    githubStars: paper.githubStars ?? null,
    projectPage: paper.projectPage ?? null,
    thumbnailUrl: absoluteHfUrl(item.thumbnail),
    mediaUrls: mediaUrls.map((url) => absoluteHfUrl(url)).filter((url): url is string => url !== null),
    aiSummary: paper.ai_summary?.trim() || null,
    aiKeywords: paper.ai_keywords ?? [],
    // Hugging Face does not give them; the sync asks arXiv (src/server/sync/enrich-categories.ts).
    ...CATEGORIES_UNKNOWN,
  };
}

function absoluteHfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith("/")) return `${HF_ORIGIN}${url}`;
  return /^https?:\/\//.test(url) ? url : null;
}

function peekPaperId(item: unknown): string | null {
  const id = (item as { paper?: { id?: unknown } } | null)?.paper?.id;
  return typeof id === "string" ? id : null;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join(".") || "item";
      return issue.code === "invalid_type" && issue.message.includes("undefined") ? `${path} is missing` : `${path} ${issue.message}`;
    })
    .join("; ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
