import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { createDevMailboxMailer, createSmtpMailer, type Mailer, type SmtpMailerOptions } from "@/server/email/mailer";

/** The mailer configured by the environment: SMTP_URL, or the local dev mailbox when unset. */
export function createDefaultMailer(options: SmtpMailerOptions = {}): Mailer {
  if (!env.SMTP_URL) return createDevMailboxMailer(db, env.EMAIL_FROM);
  return createSmtpMailer(env.SMTP_URL, env.EMAIL_FROM, { ...options, dkim: configuredDkimKey() });
}

function configuredDkimKey() {
  // env.ts guarantees all three or none.
  if (!env.DKIM_DOMAIN || !env.DKIM_SELECTOR || !env.DKIM_PRIVATE_KEY) return undefined;
  return { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY };
}

export const usesDevMailbox = !env.SMTP_URL;
