import "server-only";
import { z } from "zod";
import {
  commentsParamsSchema,
  dailyPapersParamsSchema,
  followBodySchema,
  followParamsSchema,
  forYouParamsSchema,
  paperIdParamsSchema,
  searchParamsSchema,
} from "@/lib/api-params";
import {
  commentsPageSchema,
  errorBodySchema,
  followSchema,
  followStateSchema,
  forYouPageSchema,
  healthSchema,
  hfDailyPaperSchema,
  hfPaperSchema,
  libraryEntrySchema,
  librarySaveStateSchema,
  openApiDocumentSchema,
  upvoteStateSchema,
} from "@/lib/api-responses";
import {
  collectionDeletedSchema,
  collectionIdParamsSchema,
  collectionPageParamsSchema,
  collectionPageSchema,
  collectionPaperParamsSchema,
  collectionPaperStateSchema,
  collectionSchema,
} from "@/lib/collections/collection-api";
import { newCollectionSchema } from "@/lib/collections/collection-form";
import type { AppErrorCode } from "@/lib/errors";
import { listFilterParamsSchema } from "@/lib/list-filter";

// The one list of the public JSON API: /api/openapi.json and the reference at /api/docs are
// generated from it (openapi.ts), with the very zod schemas the handlers parse requests with and
// type their answers by. One entry per operation; tests/unit/openapi.test.ts fails when a route
// under src/app/api is neither here nor in UNDOCUMENTED, or an entry here has no route.

export type ApiAuth = "none" | "read" | "write";
export type ApiMethod = "GET" | "PUT" | "DELETE" | "POST";
export type ApiTag = keyof typeof API_TAGS;

export interface ApiOperation {
  method: ApiMethod;
  /** OpenAPI's spelling of the route: `/api/papers/{id}` for src/app/api/papers/[id]/route.ts. */
  path: string;
  operationId: string;
  tag: ApiTag;
  summary: string;
  /** Markdown-free prose: what it answers and the rules a caller meets. */
  description: string;
  /** `read` and `write`: a personal access token of that scope (src/server/tokens), and nothing else. */
  auth: ApiAuth;
  params?: z.ZodObject;
  /** Each object's fields are query parameters (a list's filters come as a second object). */
  query?: readonly z.ZodObject[];
  body?: { schema: z.ZodObject; required: boolean };
  response: {
    schema: z.ZodType;
    description: string;
    /** Answered through the shared cache (`Cache-Control: public`, `ETag`, 304 on `If-None-Match`). */
    shared?: true;
    headers?: Readonly<Record<string, string>>;
    /** Other statuses answered with the same schema, each with when. */
    sameShapeOn?: Readonly<Record<string, string>>;
    /** The success status when it is not 200: 201 for what a POST makes. */
    status?: 201;
  };
  /** The failures particular to it, each with when it happens; token failures (401, 403, 429) are added from `auth`. */
  errors: Partial<Record<AppErrorCode, string>>;
  /** A request that works on an instance with the demo papers: the reference's curl example, and what the tests call. */
  example: { url: string; body?: unknown };
}

export const API_TAGS = {
  Papers: "The read API in Hugging Face's shape, and full-text search. No account needed; answers are cached for a minute.",
  Comments: "This site's discussion under each paper.",
  "Your account": "The reader's own library, upvotes, follows and For you, with a personal access token made on /me#tokens.",
  "About the API": "This description, and whether the instance is up.",
} as const;

/** Shared shapes, named in the document's components; an operation's own answer is named after it. */
export const COMPONENT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Error: errorBodySchema,
  HfPaper: hfPaperSchema,
  HfDailyPaper: hfDailyPaperSchema,
  CommentsPage: commentsPageSchema,
  LibraryEntry: libraryEntrySchema,
  LibrarySaveState: librarySaveStateSchema,
  UpvoteState: upvoteStateSchema,
  Follow: followSchema,
  FollowState: followStateSchema,
  ForYouPage: forYouPageSchema,
  Health: healthSchema,
  OpenApiDocument: openApiDocumentSchema,
};

const NOT_FOUND_PAPER = "No paper with this id here, or a hidden one.";
const NOT_FOUND_COLLECTION = "The reader has no collection with this id (another reader's is not found either).";
/** The id the collection examples name: take one from `GET /api/me/collections`. */
export const EXAMPLE_COLLECTION_ID = "cm4examplecollection00001";

export const OPERATIONS: readonly ApiOperation[] = [
  {
    method: "GET",
    path: "/api/daily_papers",
    operationId: "listDailyPapers",
    tag: "Papers",
    summary: "One feed day's, week's or month's papers",
    description:
      "The papers of one feed period as Hugging Face's /api/daily_papers answers them. p and limit page through the same frozen orders as the site's lists, so pages neither skip nor repeat a paper while votes reorder them. An instance without papers answers [].",
    auth: "none",
    query: [dailyPapersParamsSchema, listFilterParamsSchema],
    response: { schema: z.array(hfDailyPaperSchema), description: "The period's papers, a page of them.", shared: true },
    errors: { BAD_REQUEST: "A parameter is out of range, an impossible period, or two of date, week and month." },
    example: { url: "/api/daily_papers?date=2026-06-16&sort=trending&limit=10" },
  },
  {
    method: "GET",
    path: "/api/papers/search",
    operationId: "searchPapers",
    tag: "Papers",
    summary: "Full-text search",
    description:
      "Searches titles, abstracts and authors with the search page's syntax; the newest 1,000 matches are ranked. The body is a bare array of daily papers, as Hugging Face clients read it; how many matched and where the next page is travel in headers.",
    auth: "none",
    query: [searchParamsSchema, listFilterParamsSchema],
    response: {
      schema: z.array(hfDailyPaperSchema),
      description: "A page of matches.",
      shared: true,
      headers: {
        "X-Total-Count": "How many papers matched (of the 1,000 ranked).",
        "X-Total-Count-Capped": "`true` when more papers matched than were ranked.",
        Link: 'The next page: `<…>; rel="next"`, when there is one.',
      },
    },
    errors: { BAD_REQUEST: "q is missing or too long, a parameter is out of range, or from is after to." },
    example: { url: "/api/papers/search?q=diffusion&limit=5" },
  },
  {
    method: "GET",
    path: "/api/papers/{id}",
    operationId: "getPaper",
    tag: "Papers",
    summary: "One paper",
    description: "A paper as Hugging Face's /api/papers/{id} answers it.",
    auth: "none",
    params: paperIdParamsSchema,
    response: { schema: hfPaperSchema, description: "The paper.", shared: true },
    errors: { BAD_REQUEST: "The id is not an arXiv id.", NOT_FOUND: NOT_FOUND_PAPER },
    example: { url: "/api/papers/2606.11176" },
  },
  {
    method: "GET",
    path: "/api/papers/{id}/comments",
    operationId: "listPaperComments",
    tag: "Comments",
    summary: "A paper's comments",
    description:
      "This site's comments on a paper, 20 threads a page, each with its replies. Shared caches may keep the answer 10 seconds. Comments are written on the paper's page.",
    auth: "none",
    params: paperIdParamsSchema,
    query: [commentsParamsSchema],
    response: { schema: commentsPageSchema, description: "A page of threads." },
    errors: { BAD_REQUEST: "The id is not an arXiv id, or p or sort is invalid.", NOT_FOUND: NOT_FOUND_PAPER },
    example: { url: "/api/papers/2606.11176/comments?sort=oldest" },
  },
  {
    method: "GET",
    path: "/api/me/library",
    operationId: "listLibrary",
    tag: "Your account",
    summary: "Your saved papers",
    description: "The papers the reader saved, newest saved first, at most 1,000, each with its private note.",
    auth: "read",
    response: { schema: z.array(libraryEntrySchema), description: "The library." },
    errors: {},
    example: { url: "/api/me/library" },
  },
  {
    method: "PUT",
    path: "/api/me/library/{id}",
    operationId: "savePaper",
    tag: "Your account",
    summary: "Save a paper",
    description: "Adds the paper to the reader's library; saving a saved paper again changes nothing.",
    auth: "write",
    params: paperIdParamsSchema,
    response: { schema: librarySaveStateSchema, description: "The paper is saved." },
    errors: { BAD_REQUEST: "The id is not an arXiv id.", NOT_FOUND: NOT_FOUND_PAPER },
    example: { url: "/api/me/library/2606.11176" },
  },
  {
    method: "DELETE",
    path: "/api/me/library/{id}",
    operationId: "unsavePaper",
    tag: "Your account",
    summary: "Unsave a paper",
    description: "Takes the paper out of the reader's library, with its note; idempotent.",
    auth: "write",
    params: paperIdParamsSchema,
    response: { schema: librarySaveStateSchema, description: "The paper is not saved." },
    errors: { BAD_REQUEST: "The id is not an arXiv id." },
    example: { url: "/api/me/library/2606.11176" },
  },
  {
    method: "GET",
    path: "/api/me/upvotes",
    operationId: "listUpvotes",
    tag: "Your account",
    summary: "Your upvoted papers",
    description: "The papers the reader upvoted, most recently upvoted first, at most 200.",
    auth: "read",
    response: { schema: z.array(hfPaperSchema), description: "The upvoted papers." },
    errors: {},
    example: { url: "/api/me/upvotes" },
  },
  {
    method: "PUT",
    path: "/api/me/upvotes/{id}",
    operationId: "upvotePaper",
    tag: "Your account",
    summary: "Upvote a paper",
    description: "Adds the reader's upvote; upvoting again changes nothing. Votes have their own limit of 120 a minute per reader.",
    auth: "write",
    params: paperIdParamsSchema,
    response: { schema: upvoteStateSchema, description: "The paper is upvoted, with its new total." },
    errors: { BAD_REQUEST: "The id is not an arXiv id.", NOT_FOUND: NOT_FOUND_PAPER },
    example: { url: "/api/me/upvotes/2606.11176" },
  },
  {
    method: "DELETE",
    path: "/api/me/upvotes/{id}",
    operationId: "removeUpvote",
    tag: "Your account",
    summary: "Take back an upvote",
    description: "Removes the reader's upvote; idempotent.",
    auth: "write",
    params: paperIdParamsSchema,
    response: { schema: upvoteStateSchema, description: "The paper is not upvoted, with its new total." },
    errors: { BAD_REQUEST: "The id is not an arXiv id.", NOT_FOUND: NOT_FOUND_PAPER },
    example: { url: "/api/me/upvotes/2606.11176" },
  },
  {
    method: "GET",
    path: "/api/me/follows",
    operationId: "listFollows",
    tag: "Your account",
    summary: "What you follow and mute",
    description:
      "The organizations, authors, topics and arXiv categories the reader follows, then those they muted, newest first (at most 200 together).",
    auth: "read",
    response: { schema: z.array(followSchema), description: "Follows, then mutes." },
    errors: {},
    example: { url: "/api/me/follows" },
  },
  {
    method: "PUT",
    path: "/api/me/follows/{kind}/{value}",
    operationId: "follow",
    tag: "Your account",
    summary: "Follow or mute",
    description:
      'Follows an organization, author, topic or arXiv category, or mutes it with {"state": "mute"}; the body may be left out. Idempotent: it sets the standing whatever it was. A reader follows and mutes at most 200 things together. Encode slashes and spaces in the value (%2F, %20).',
    auth: "write",
    params: followParamsSchema,
    body: { schema: followBodySchema, required: false },
    response: { schema: followStateSchema, description: "The standing now." },
    errors: {
      BAD_REQUEST:
        "An unknown kind, a value that is empty, too long or not an arXiv category (for category), a body that is not JSON, or 200 follows and mutes already.",
    },
    example: { url: "/api/me/follows/category/cs.CL" },
  },
  {
    method: "DELETE",
    path: "/api/me/follows/{kind}/{value}",
    operationId: "unfollow",
    tag: "Your account",
    summary: "Unfollow or unmute",
    description: "Removes the follow or mute; idempotent.",
    auth: "write",
    params: followParamsSchema,
    response: { schema: followStateSchema, description: "Neither followed nor muted (state null)." },
    errors: { BAD_REQUEST: "An unknown kind, or a value that is empty, too long or not an arXiv category (for category)." },
    example: { url: "/api/me/follows/category/cs.CL" },
  },
  {
    method: "GET",
    path: "/api/me/for-you",
    operationId: "listForYou",
    tag: "Your account",
    summary: "Your For you list",
    description:
      "The list /papers/for-you shows: the last week's papers ranked for the reader (learned from their saves and upvotes, or what they follow until then), each with why it is there. It is ranked afresh on every request, takes the lists' filters, and holds a few dozen papers at most.",
    auth: "read",
    query: [forYouParamsSchema, listFilterParamsSchema],
    response: { schema: forYouPageSchema, description: "A page of the list." },
    errors: { BAD_REQUEST: "limit, p or a filter is invalid." },
    example: { url: "/api/me/for-you?limit=10" },
  },
  {
    method: "GET",
    path: "/api/me/collections",
    operationId: "listCollections",
    tag: "Your account",
    summary: "Your collections",
    description:
      "The reader's collections, most recently changed first, at most 100. An unlisted collection's url carries its secret key: whoever has it can read the collection, its feeds and exports without a token.",
    auth: "read",
    response: { schema: z.array(collectionSchema), description: "The collections." },
    errors: {},
    example: { url: "/api/me/collections" },
  },
  {
    method: "POST",
    path: "/api/me/collections",
    operationId: "createCollection",
    tag: "Your account",
    summary: "Make a collection",
    description: "Makes a collection, private unless the body says otherwise; its address is made from the name. A reader has at most 100.",
    auth: "write",
    body: { schema: newCollectionSchema, required: true },
    response: { schema: collectionSchema, description: "The collection made.", status: 201 },
    errors: { BAD_REQUEST: "The body is not JSON, or a field is missing or invalid.", CONFLICT: "The reader has 100 collections already." },
    example: { url: "/api/me/collections", body: { name: "Long-context reading", visibility: "UNLISTED" } },
  },
  {
    method: "GET",
    path: "/api/me/collections/{id}",
    operationId: "getCollection",
    tag: "Your account",
    summary: "One of your collections and its papers",
    description: "The collection and a page of 50 of its papers, newest added first, each with the owner's note.",
    auth: "read",
    params: collectionIdParamsSchema,
    query: [collectionPageParamsSchema],
    response: { schema: collectionPageSchema, description: "The collection and a page of papers." },
    errors: { BAD_REQUEST: "The id or p is invalid.", NOT_FOUND: NOT_FOUND_COLLECTION },
    example: { url: `/api/me/collections/${EXAMPLE_COLLECTION_ID}` },
  },
  {
    method: "DELETE",
    path: "/api/me/collections/{id}",
    operationId: "deleteCollection",
    tag: "Your account",
    summary: "Delete a collection",
    description: "Deletes the collection, its link, feeds and followers; its papers stay in the library.",
    auth: "write",
    params: collectionIdParamsSchema,
    response: { schema: collectionDeletedSchema, description: "The collection is gone." },
    errors: { BAD_REQUEST: "The id is invalid.", NOT_FOUND: NOT_FOUND_COLLECTION },
    example: { url: `/api/me/collections/${EXAMPLE_COLLECTION_ID}` },
  },
  {
    method: "PUT",
    path: "/api/me/collections/{id}/papers/{paperId}",
    operationId: "addToCollection",
    tag: "Your account",
    summary: "Put a paper in a collection",
    description:
      "Puts the paper in the collection, and in the library; putting it again changes nothing. A collection holds at most 500 papers.",
    auth: "write",
    params: collectionPaperParamsSchema,
    response: { schema: collectionPaperStateSchema, description: "The paper is in the collection." },
    errors: {
      BAD_REQUEST: "The id or the paper id is invalid.",
      NOT_FOUND: `${NOT_FOUND_COLLECTION} Or: ${NOT_FOUND_PAPER}`,
      CONFLICT: "The collection holds 500 papers.",
    },
    example: { url: `/api/me/collections/${EXAMPLE_COLLECTION_ID}/papers/2606.11176` },
  },
  {
    method: "DELETE",
    path: "/api/me/collections/{id}/papers/{paperId}",
    operationId: "removeFromCollection",
    tag: "Your account",
    summary: "Take a paper out of a collection",
    description: "Takes the paper out of the collection (it stays in the library); idempotent.",
    auth: "write",
    params: collectionPaperParamsSchema,
    response: { schema: collectionPaperStateSchema, description: "The paper is not in the collection." },
    errors: { BAD_REQUEST: "The id or the paper id is invalid.", NOT_FOUND: NOT_FOUND_COLLECTION },
    example: { url: `/api/me/collections/${EXAMPLE_COLLECTION_ID}/papers/2606.11176` },
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "About the API",
    summary: "This API as OpenAPI 3.1",
    description: "The document this reference is rendered from, for client generators and agents.",
    auth: "none",
    response: { schema: openApiDocumentSchema, description: "The OpenAPI document.", shared: true },
    errors: {},
    example: { url: "/api/openapi.json" },
  },
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    tag: "About the API",
    summary: "Whether the instance is up",
    description: "What load balancers and monitors ask: two index lookups, never cached.",
    auth: "none",
    response: {
      schema: healthSchema,
      description: "The database answers.",
      sameShapeOn: { "503": "The database did not answer within a second: status unavailable, db unreachable." },
    },
    errors: {},
    example: { url: "/api/health" },
  },
];

/**
 * Routes under src/app/api that the document leaves out on purpose, each with why. Keyed by the
 * route's folder (every method of it).
 */
export const UNDOCUMENTED: Readonly<Record<string, string>> = {
  "/api/auth/[...nextauth]": "next-auth's sign-in, callback and session endpoints, for the site's own pages",
  "/api/admin/moderation": "the operator console's moderation form (an operator's session)",
  "/api/admin/sync": "the operator console's Sync now button (an operator's session)",
  "/api/cron/channels": "the scheduler's entry point, behind CRON_SECRET (docs/channels.md)",
  "/api/cron/group-reminders": "the scheduler's entry point, behind CRON_SECRET (docs/reading-groups.md)",
  "/api/cron/sync": "the scheduler's entry point, behind CRON_SECRET (docs/operating.md#sync)",
  "/api/cron/trending-digest": "the scheduler's entry point, behind CRON_SECRET (docs/operating.md)",
  "/api/email/events": "the mail provider's bounce and complaint webhook, HMAC-signed (docs/operating.md)",
  "/api/unsubscribe/[token]": "one-click unsubscribe links in digest emails (RFC 8058)",
  "/api/notifications/unsubscribe/[token]": "one-click unsubscribe links in reply and author emails (RFC 8058)",
  "/api/groups/reminders/unsubscribe/[token]": "one-click unsubscribe links in reading-group reminders (RFC 8058)",
  "/api/subscriptions": "the subscribe page's double opt-in (its form posts JSON here), not an API for scripts",
  "/api/subscriptions/confirm": "the confirmation page's form target, answering with a redirect",
  "/api/preferences/[token]": "the emailed preferences page's form target, answering with a redirect",
  "/api/papers/[id]/upvote": "votes by session cookie and same Origin, kept for older scripts; tokens use PUT/DELETE /api/me/upvotes/{id}",
  "/api/mcp": "the MCP server: JSON-RPC over one POST, described by its own tools/list, not by REST operations",
};
