import "server-only";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";
import { parseArxivId } from "@/lib/arxiv-id";
import { currentCategoryOf } from "@/lib/arxiv-taxonomy";
import { collapseWhitespace, unwrapParagraphs } from "@/lib/text";

export interface ArxivEntry {
  /** Bare id without version: `1605.08386`, `astro-ph/0601001`. */
  id: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  updatedAt: Date | null;
  pdfUrl: string | null;
  absUrl: string | null;
  /** arXiv categories, the primary first, then the cross-lists in the answer's order: `cs.CL`, `cs.LG`. */
  categories: string[];
}

export interface ArxivFeed {
  entries: ArxivEntry[];
  /** arXiv's own error messages and entries that could not be read; never mixed into `entries`. */
  errors: string[];
  totalResults: number | null;
}

// Namespace prefixes are dropped because arXiv has declared them both on the feed and on each
// element over the years; tag values stay strings so ids and titles like "2024" are not numbers;
// htmlEntities is the only switch that makes this parser decode character references (&#233;).
const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ["entry", "author", "link", "category"].includes(name),
});

/** An element's text, whether or not the element also carries attributes (`<title type="html">`). */
const text = z.preprocess((node) => (typeof node === "object" && node !== null && "#text" in node ? node["#text"] : node), z.string());
const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const errorEntrySchema = z.object({
  id: text.pipe(z.string().regex(/\/api\/errors\b/)),
  summary: text,
});

const linkSchema = z.object({
  "@_href": z.string(),
  "@_rel": z.string().optional(),
  "@_type": z.string().optional(),
  "@_title": z.string().optional(),
});

// arXiv's own categories (cs.CL, hep-th, astro-ph.GA, cond-mat.str-el); the <category> elements of
// some older entries also carry ACM and MSC classes (I.2.7, 68T05), which are not arXiv categories.
const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/;

/** A category element's term when it is an arXiv category: a stray term never costs the entry its place. */
const categoryTermSchema = z
  .object({ "@_term": z.string().trim().regex(ARXIV_CATEGORY) })
  .transform((category) => currentCategoryOf(category["@_term"]))
  .optional()
  .catch(undefined);

const entrySchema = z.object({
  id: text.transform((value, ctx) => {
    const id = parseArxivId(value);
    if (id === null) {
      ctx.issues.push({ code: "custom", message: `${value} is not an arXiv abstract URL`, input: value });
      return z.NEVER;
    }
    const version = /v(\d+)$/.exec(value)?.[1];
    return { id, version: version ? Number(version) : null };
  }),
  title: text.pipe(z.string().trim().min(1)),
  summary: text.default(""),
  published: text.pipe(timestamp),
  updated: text.pipe(timestamp).optional(),
  author: z.array(z.object({ name: text })).default([]),
  link: z.array(linkSchema).default([]),
  primary_category: categoryTermSchema,
  category: z.array(categoryTermSchema).default([]),
});

const feedSchema = z.object({
  feed: z.object({
    totalResults: text.optional(),
    entry: z.array(z.unknown()).default([]),
  }),
});

/** Parses an arXiv API Atom answer. Throws only when the text is not an Atom feed at all. */
export function parseArxivFeed(xml: string): ArxivFeed {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new Error(`arXiv answer is not well-formed XML (line ${line}): ${msg}`);
  }
  const document = feedSchema.safeParse(parser.parse(xml));
  if (!document.success) throw new Error("arXiv answer is not an Atom feed (no <feed> element)");

  const { totalResults, entry: rawEntries } = document.data.feed;
  const entries: ArxivEntry[] = [];
  const errors: string[] = [];
  rawEntries.forEach((raw, index) => {
    const arxivError = errorEntrySchema.safeParse(raw);
    if (arxivError.success) {
      errors.push(collapseWhitespace(arxivError.data.summary));
      return;
    }
    const entry = entrySchema.safeParse(raw);
    if (entry.success) entries.push(toArxivEntry(entry.data));
    else errors.push(`entry ${index + 1} skipped: ${describeIssues(entry.error)}`);
  });

  const total = totalResults?.trim();
  return { entries, errors, totalResults: total && /^\d+$/.test(total) ? Number(total) : null };
}

function toArxivEntry(entry: z.infer<typeof entrySchema>): ArxivEntry {
  const pdfLink = entry.link.find((link) => link["@_title"] === "pdf" || link["@_type"] === "application/pdf");
  const absLink = entry.link.find((link) => link["@_rel"] === "alternate");
  return {
    id: entry.id.id,
    version: entry.id.version,
    title: collapseWhitespace(entry.title),
    abstract: unwrapParagraphs(entry.summary),
    authors: entry.author.map((author) => collapseWhitespace(author.name)),
    publishedAt: entry.published,
    updatedAt: entry.updated ?? null,
    pdfUrl: pdfLink?.["@_href"] ?? null,
    absUrl: absLink?.["@_href"] ?? null,
    categories: categoriesOf(entry),
  };
}

/** The primary category first, then the others in document order, each once. */
function categoriesOf(entry: z.infer<typeof entrySchema>): string[] {
  const categories = [entry.primary_category, ...entry.category].filter((category) => category !== undefined);
  return [...new Set(categories)];
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "entry"}: ${issue.message}`).join("; ");
}
