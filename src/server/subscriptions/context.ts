import "server-only";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";

/** What the subscription functions need from the outside world, passed in so tests can supply it. */
export interface SubscriptionContext {
  db: Db;
  mailer: Mailer;
  /** The base of emailed links. */
  siteUrl: string;
  /** How long a confirmation link stays valid. */
  linkTtlHours: number;
  now: Date;
}
