import { z } from "zod";

/**
 * The comment emails an account can stop from the email itself: replies in threads it started,
 * and new threads on papers it is a verified author of. One unsubscribe token serves both; the
 * link names the kind (`?kind=author`), and reply emails' links, older than the kinds, name none.
 */
export const notificationKindSchema = z.enum(["reply", "author"], { error: "must be reply or author" });
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** The query an unsubscribe link or page address carries for `kind`. */
export function notificationKindQuery(kind: NotificationKind): string {
  return kind === "reply" ? "" : `?kind=${kind}`;
}
