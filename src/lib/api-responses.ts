// The JSON the API answers, as zod schemas. The handlers type their answers with these (so an
// answer that drifts from its schema fails `tsc`), and the OpenAPI document at /api/openapi.json
// is generated from them (src/server/api-docs). Pure: the reference page renders from them too.
import { z } from "zod";
import { followKindParamSchema } from "@/lib/api-params";
import { APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors";

const timestamp = (description: string) => z.iso.datetime().meta({ description });
const count = (description: string) => z.number().int().min(0).meta({ description });

const arxivId = z
  .string()
  .meta({ description: "The arXiv id, without version: `2401.00001` or `hep-th/9901001`.", examples: ["2606.11176"] });

export const ERROR_CODES = [...(Object.keys(APP_ERROR_STATUS) as AppErrorCode[]), "INTERNAL"] as const;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: "What went wrong, one of a fixed list; the HTTP status follows from it." }),
      message: z.string().meta({ description: "What went wrong and what to do, in words meant for people." }),
      param: z.string().optional().meta({ description: "The parameter at fault, for a 400." }),
    }),
  })
  .meta({ description: "Every error answer: a code, a message and, for a bad parameter, its name." });
export type ErrorBody = z.output<typeof errorBodySchema>;

const hfOrganizationSchema = z
  .object({
    name: z.string().meta({ description: "The organization's Hugging Face name; its page is /orgs/<name>." }),
    fullname: z.string().meta({ description: "Its display name." }),
    avatar: z.string().optional().meta({ description: "Its avatar's URL, when known." }),
  })
  .meta({ description: "The organization a paper was submitted under." });

export const hfPaperSchema = z
  .object({
    id: arxivId,
    authors: z.array(z.object({ name: z.string() })).meta({ description: "The authors in order." }),
    publishedAt: timestamp("When arXiv published the paper."),
    submittedOnDailyAt: timestamp("When the paper was added to the feed (its feed day at 00:00 UTC when the exact time is unknown)."),
    title: z.string(),
    summary: z.string().meta({ description: "The abstract." }),
    upvotes: count("Upvotes imported from Hugging Face plus upvotes cast here: the count cards show."),
    ai_summary: z.string().optional().meta({ description: "A one-paragraph summary written by a model, when there is one." }),
    ai_keywords: z
      .array(z.string())
      .meta({ description: "Hugging Face's keywords for the paper; each has a page at /papers/keyword/<keyword>." }),
    githubRepo: z.string().optional().meta({ description: "The paper's code repository." }),
    githubStars: count("The repository's stars when last synced.").optional(),
    projectPage: z.string().optional().meta({ description: "The paper's project page." }),
    organization: hfOrganizationSchema.optional(),
  })
  .meta({ description: "A paper in the shape of Hugging Face's `/api/papers/{id}`." });
export type HfPaper = z.output<typeof hfPaperSchema>;

export const hfDailyPaperSchema = z
  .object({
    paper: hfPaperSchema,
    publishedAt: timestamp("When the paper was added to the feed."),
    title: z.string(),
    summary: z.string().meta({ description: "The abstract." }),
    thumbnail: z.string().optional().meta({ description: "A thumbnail image's URL, when known." }),
    mediaUrls: z.array(z.string()).meta({ description: "Images and videos the submitter attached." }),
    numComments: count("Comments imported from Hugging Face plus comments written here."),
    submittedBy: z
      .object({ name: z.string(), fullname: z.string().nullable(), avatarUrl: z.string().nullable() })
      .optional()
      .meta({ description: "Who submitted the paper to Hugging Face's daily papers, when known." }),
    organization: hfOrganizationSchema.optional(),
  })
  .meta({ description: "A feed entry in the shape of Hugging Face's `/api/daily_papers`." });
export type HfDailyPaper = z.output<typeof hfDailyPaperSchema>;

const commentSchema = z.object({
  id: z.string(),
  author: z.string().meta({ description: "The author's handle, or a generated name until they pick one; never an address." }),
  authorHandle: z.string().nullable().meta({ description: "Set when `author` is a handle: the profile is /users/<handle>." }),
  body: z.string().meta({ description: "Markdown with LaTeX math; empty for a deleted or hidden comment." }),
  createdAt: timestamp("When it was written."),
  editedAt: timestamp("When it was last edited.").nullable(),
  deleted: z.boolean().meta({ description: "Deleted by its author: shown as a tombstone." }),
  hidden: z.boolean().meta({ description: "Hidden by a moderator: shown as a tombstone." }),
  upvotes: count("Readers' upvotes here."),
  paperAuthor: z.boolean().meta({ description: "Written by a verified author of the paper (shown with an “Author” badge)." }),
});

export const commentsPageSchema = z
  .object({
    comments: z.array(commentSchema.extend({ replies: z.array(commentSchema) })).meta({ description: "Threads, each with its replies." }),
    page: count("The page, from 0."),
    hasMore: z.boolean().meta({ description: "Whether a next page exists." }),
    total: count("Live comments on the paper, replies included."),
  })
  .meta({ description: "A page of this site's comments on a paper." });
export type CommentsPage = z.output<typeof commentsPageSchema>;

export const libraryEntrySchema = z
  .object({
    paper: hfPaperSchema,
    note: z.string().nullable().meta({ description: "The reader's private note." }),
    savedAt: timestamp("When it was saved."),
  })
  .meta({ description: "A paper in the reader's library." });
export type LibraryEntry = z.output<typeof libraryEntrySchema>;

export const librarySaveStateSchema = z
  .object({ id: arxivId, saved: z.boolean().meta({ description: "Whether the paper is in the library now." }) })
  .meta({ description: "A paper's place in the reader's library after the change." });
export type LibrarySaveState = z.output<typeof librarySaveStateSchema>;

export const upvoteStateSchema = z
  .object({
    paperId: arxivId,
    upvoted: z.boolean().meta({ description: "Whether the reader upvotes it now." }),
    upvotes: count("The total shown on cards: Hugging Face's count plus this site's."),
  })
  .meta({ description: "A paper's upvote after the change." });
export type UpvoteStateBody = z.output<typeof upvoteStateSchema>;

const followFields = {
  kind: followKindParamSchema,
  value: z.string().meta({ description: "The organization's name, the author's name, the topic's words or the arXiv category." }),
};

export const followSchema = z
  .object({
    ...followFields,
    state: z.enum(["follow", "mute"]).meta({ description: "`follow` adds its papers to For you; `mute` keeps them out." }),
  })
  .meta({ description: "Something the reader follows or mutes." });
export type FollowBody = z.output<typeof followSchema>;

export const followStateSchema = z
  .object({
    ...followFields,
    state: z.enum(["follow", "mute"]).nullable().meta({ description: "The standing after the change; null once unfollowed." }),
  })
  .meta({ description: "The reader's standing on an organization, author, topic or category after the change." });
export type FollowStateBody = z.output<typeof followStateSchema>;

const reasonText = z.string().meta({ description: "The reason in words, as the card shows it." });

export const forYouReasonSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("follow"), followKind: followKindParamSchema, value: z.string(), text: reasonText }),
    z.object({
      kind: z.literal("similar"),
      count: count("How many of the reader's saved or upvoted papers it is close to."),
      closest: z.array(z.object({ id: arxivId, title: z.string() })).meta({ description: "The closest of them." }),
      terms: z.array(z.string()).meta({ description: "Terms it shares with them." }),
      text: reasonText,
    }),
    z.object({ kind: z.literal("terms"), terms: z.array(z.string()), text: reasonText }),
    z.object({
      kind: z.literal("trending"),
      categories: z.array(z.string()).meta({ description: "The categories it trends in." }),
      text: reasonText,
    }),
    z.object({
      kind: z.literal("collection"),
      name: z.string().meta({ description: "The followed collection's name." }),
      handle: z.string(),
      slug: z.string(),
      text: reasonText,
    }),
  ])
  .meta({ description: "Why the paper is on the reader's For you." });

export const forYouPageSchema = z
  .object({
    mode: z.enum(["learned", "starter"]).meta({
      description:
        "`learned`: ranked by a model of the reader's saves and upvotes; `starter`: what they follow, topped up with trending papers.",
    }),
    days: count("The feed days ranked (7, or 30 when the week was too thin)."),
    items: z.array(z.object({ paper: hfPaperSchema, reason: forYouReasonSchema })).meta({ description: "This page of the list." }),
    page: count("The page, from 0."),
    hasMore: z.boolean().meta({ description: "Whether a next page exists." }),
    total: count("Papers in the whole list."),
  })
  .meta({ description: "A page of the reader's For you list." });
export type ForYouPage = z.output<typeof forYouPageSchema>;

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    db: z.enum(["ok", "unreachable"]),
    latestFeedDay: z.iso.date().nullable().meta({ description: "The latest feed day with papers." }),
    lastSync: z
      .object({
        source: z.string(),
        status: z.string(),
        startedAt: timestamp("When it started."),
        finishedAt: timestamp("When it ended.").nullable(),
      })
      .nullable()
      .meta({ description: "The latest sync run." }),
    version: z.string().meta({ description: "The deployed commit, or the package version." }),
  })
  .meta({ description: "Whether the instance can serve: 200 when its database answers, 503 when not." });
export type Health = z.output<typeof healthSchema>;

export const openApiDocumentSchema = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ description: "An OpenAPI 3.1 document: this one." });
