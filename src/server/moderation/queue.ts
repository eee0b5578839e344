import "server-only";
import { collectionPath } from "@/lib/collections/collection-form";
import type { ModerationKindName } from "@/lib/moderation";
import { shorten } from "@/lib/text";
import type { Db } from "@/server/db";

const SHOWN = 50;

export interface OpenReport {
  id: string;
  reason: string;
  createdAt: Date;
  /** What was reported, with what a moderator needs to act on it. */
  target:
    | { type: "paper"; paperId: string; title: string }
    | { type: "comment"; commentId: string; paperId: string; excerpt: string; authorEmail: string | null }
    | { type: "collection"; collectionId: string; name: string; path: string; ownerEmail: string | null };
}

export interface ModerationLogEntry {
  id: string;
  moderator: string;
  kind: ModerationKindName;
  target: string;
  reason: string;
  /** The reason is for moderators only: the public log says "(private)". */
  reasonPrivate: boolean;
  createdAt: Date;
}

/** The open reports, newest first, and the latest moderator actions: both bounded. */
export async function getModerationQueue(db: Db): Promise<{ reports: OpenReport[]; log: ModerationLogEntry[] }> {
  const [reports, log] = await Promise.all([
    db.report.findMany({
      where: { resolvedAt: null },
      orderBy: { createdAt: "desc" },
      take: SHOWN,
      select: {
        id: true,
        reason: true,
        createdAt: true,
        paper: { select: { id: true, title: true } },
        comment: { select: { id: true, paperId: true, body: true, user: { select: { email: true } } } },
        collection: { select: { id: true, name: true, slug: true, owner: { select: { handle: true, email: true } } } },
      },
    }),
    db.moderationAction.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: SHOWN }),
  ]);
  return {
    reports: reports.flatMap((report): OpenReport[] => {
      const base = { id: report.id, reason: report.reason, createdAt: report.createdAt };
      if (report.paper) return [{ ...base, target: { type: "paper", paperId: report.paper.id, title: report.paper.title } }];
      if (report.comment) {
        const { comment } = report;
        const target = {
          type: "comment" as const,
          commentId: comment.id,
          paperId: comment.paperId,
          excerpt: shorten(comment.body, 280),
          authorEmail: comment.user?.email ?? null,
        };
        return [{ ...base, target }];
      }
      if (report.collection) {
        const { collection } = report;
        const path = collectionPath({ handle: collection.owner.handle ?? "", slug: collection.slug });
        const target = {
          type: "collection" as const,
          collectionId: collection.id,
          name: collection.name,
          path,
          ownerEmail: collection.owner.email,
        };
        return [{ ...base, target }];
      }
      return [];
    }),
    log: log.map((entry) => ({ ...entry, id: String(entry.id) })),
  };
}
