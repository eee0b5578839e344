import "server-only";
import { z } from "zod";
import { collectionPath } from "@/lib/collections/collection-form";
import type { ModerationKindName } from "@/lib/moderation";
import { collapseWhitespace } from "@/lib/text";
import { commenterName } from "@/server/accounts/commenter-name";
import type { Db } from "@/server/db";
import { moderatorName } from "@/server/moderation/moderator-name";

// The moderation log as everyone may read it at /moderation. Actions are stored with the
// moderator's address and, for bans, the account's address as the target: neither ever leaves
// this module. Targets are shown as readers know them (a paper's title, a comment on a paper, a
// collection's name, an account's handle), linked when the page is public.

/** Log entries a page of /moderation shows. */
export const LOG_ENTRIES_PER_PAGE = 50;

/** The `before` of /moderation: the id of the last entry of the previous page. */
export const logCursorSchema = z
  .string()
  .regex(/^\d{1,18}$/, "is not a position in the log")
  .transform((value) => BigInt(value));

/** What an action was about: `before` (plain words), then `text`, a link when `href` is set. */
export interface PublicTarget {
  before: string | null;
  text: string;
  href: string | null;
}

export interface PublicLogEntry {
  id: string;
  createdAt: string;
  /** A stable pseudonym (moderator-name.ts), never an address. */
  moderator: string;
  kind: ModerationKindName;
  target: PublicTarget;
  /** Null when the moderator marked the reason private. */
  reason: string | null;
}

export interface PublicLogPage {
  entries: PublicLogEntry[];
  /** The next page's `before`, or null on the last page. */
  next: string | null;
}

const PAPER_KINDS: readonly ModerationKindName[] = ["HIDE_PAPER", "UNHIDE_PAPER"];
const COMMENT_KINDS: readonly ModerationKindName[] = ["HIDE_COMMENT", "UNHIDE_COMMENT"];
const COLLECTION_KINDS: readonly ModerationKindName[] = ["HIDE_COLLECTION", "UNHIDE_COLLECTION"];
const USER_KINDS: readonly ModerationKindName[] = ["BAN_USER", "UNBAN_USER"];
const CLAIM_KINDS: readonly ModerationKindName[] = ["APPROVE_AUTHOR_CLAIM", "REJECT_AUTHOR_CLAIM"];

// A reason may quote a report, and a report may hold anything a reader typed.
const ADDRESS_LIKE = /[^\s<>()[\]{}"',;:]+@[^\s<>()[\]{}"',;:]+\.[^\s<>()[\]{}"',;:]+/g;

/** A public reason: any address in it is replaced, so the page never carries one. */
export function publicReason(reason: string): string {
  return reason.replace(ADDRESS_LIKE, "[address]");
}

const PAPER = { select: { id: true, title: true, hiddenAt: true } } as const;
const COMMENT = { select: { id: true, paper: PAPER } } as const;
const COLLECTION = {
  select: { id: true, name: true, slug: true, visibility: true, hiddenAt: true, owner: { select: { handle: true } } },
} as const;

type PaperRow = { id: string; title: string; hiddenAt: Date | null };
type CommentRow = { id: string; paper: PaperRow };
type CollectionRow = {
  id: string;
  name: string;
  slug: string;
  visibility: string;
  hiddenAt: Date | null;
  owner: { handle: string | null };
};

const plain = (text: string): PublicTarget => ({ before: null, text, href: null });

function paperTarget(paper: PaperRow | undefined, id: string): PublicTarget {
  if (!paper) return plain(`paper ${id} (no longer here)`);
  if (paper.hiddenAt) return plain(`paper ${paper.id} (hidden)`);
  return { before: null, text: collapseWhitespace(paper.title), href: `/papers/${paper.id}` };
}

function commentTarget(comment: CommentRow | undefined): PublicTarget {
  if (!comment) return plain("a comment no longer here");
  const { paper } = comment;
  if (paper.hiddenAt) return { before: "on", text: `paper ${paper.id} (hidden)`, href: null };
  return { before: "on", text: collapseWhitespace(paper.title), href: `/papers/${paper.id}#comment-${comment.id}` };
}

function collectionTarget(collection: CollectionRow | undefined): PublicTarget {
  if (!collection) return plain("a collection no longer here");
  if (collection.hiddenAt) return plain("a hidden collection");
  if (collection.visibility !== "PUBLIC" || !collection.owner.handle) return plain("a collection that is not public");
  return { before: null, text: collection.name, href: collectionPath({ handle: collection.owner.handle, slug: collection.slug }) };
}

function userTarget(user: { id: string; handle: string | null } | undefined): PublicTarget {
  if (!user) return plain("a deleted account");
  return { before: null, text: user.handle ?? commenterName(user.id), href: user.handle ? `/users/${user.handle}` : null };
}

const byId = <Row extends { id: string }>(rows: Row[]) => new Map(rows.map((row) => [row.id, row]));

/** One page of the public log, newest first, from `before` (the last id of the previous page). */
export async function getPublicModerationLog(db: Db, before: bigint | null = null): Promise<PublicLogPage> {
  const actions = await db.moderationAction.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_ENTRIES_PER_PAGE + 1,
    ...(before === null ? {} : { cursor: { id: before }, skip: 1 }),
  });
  const shown = actions.slice(0, LOG_ENTRIES_PER_PAGE);
  const targetsOf = (kinds: readonly ModerationKindName[]) => [
    ...new Set(shown.filter((action) => kinds.includes(action.kind)).map((action) => action.target)),
  ];
  // Ban targets are addresses as the moderator typed them, and accounts keep theirs in lower case:
  // both spellings are looked up (an index lookup each, where a case-blind match would scan).
  const typed = [...shown.map((action) => action.moderator), ...targetsOf(USER_KINDS)];
  const addresses = [...new Set([...typed, ...typed.map((email) => email.toLowerCase())])];
  const [papers, comments, collections, accounts, claims, reports] = await Promise.all([
    db.paper.findMany({ where: { id: { in: targetsOf(PAPER_KINDS) } }, ...PAPER }),
    db.comment.findMany({ where: { id: { in: targetsOf(COMMENT_KINDS) } }, ...COMMENT }),
    db.collection.findMany({ where: { id: { in: targetsOf(COLLECTION_KINDS) } }, ...COLLECTION }),
    db.user.findMany({ where: { email: { in: addresses } }, select: { id: true, email: true, handle: true } }),
    db.authorClaim.findMany({ where: { id: { in: targetsOf(CLAIM_KINDS) } }, select: { id: true, authorName: true, paper: PAPER } }),
    db.report.findMany({
      where: { id: { in: targetsOf(["DISMISS_REPORT"]) } },
      select: { id: true, paper: PAPER, comment: COMMENT, collection: COLLECTION },
    }),
  ]);
  const paperById = byId(papers);
  const commentById = byId(comments);
  const collectionById = byId(collections);
  const claimById = byId(claims);
  const reportById = byId(reports);
  const accountByAddress = new Map(accounts.map((account) => [account.email!.toLowerCase(), account]));

  function targetOf(kind: ModerationKindName, target: string): PublicTarget {
    if (PAPER_KINDS.includes(kind)) return paperTarget(paperById.get(target), target);
    if (COMMENT_KINDS.includes(kind)) return commentTarget(commentById.get(target));
    if (COLLECTION_KINDS.includes(kind)) return collectionTarget(collectionById.get(target));
    if (USER_KINDS.includes(kind)) return userTarget(accountByAddress.get(target.toLowerCase()));
    if (CLAIM_KINDS.includes(kind)) {
      const claim = claimById.get(target);
      if (!claim) return plain("a claim no longer here");
      return { ...paperTarget(claim.paper, claim.paper.id), before: `${collapseWhitespace(claim.authorName)}, on` };
    }
    // A dismissed report: what was reported (never who reported it, or why).
    const report = reportById.get(target);
    if (report?.comment) return { ...commentTarget(report.comment), before: "on a comment on" };
    if (report?.paper) return { ...paperTarget(report.paper, report.paper.id), before: "on" };
    if (report?.collection) return { ...collectionTarget(report.collection), before: "on" };
    return plain("a report no longer here");
  }

  return {
    entries: shown.map((action) => ({
      id: String(action.id),
      createdAt: action.createdAt.toISOString(),
      moderator: moderatorName(accountByAddress.get(action.moderator.toLowerCase())?.id ?? null),
      kind: action.kind,
      target: targetOf(action.kind, action.target),
      reason: action.reasonPrivate ? null : publicReason(action.reason),
    })),
    next: actions.length > LOG_ENTRIES_PER_PAGE ? String(shown.at(-1)!.id) : null,
  };
}
