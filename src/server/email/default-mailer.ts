import "server-only";
import { env } from "@/env";
import { db } from "@/server/db";
import { createDevMailboxMailer, createSmtpMailer, type Mailer, type SmtpMailerOptions } from "@/server/email/mailer";

/** The mailer configured by the environment: SMTP_URL, or the local dev mailbox when unset. */
export function createDefaultMailer(options: SmtpMailerOptions = {}): Mailer {
  return env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.EMAIL_FROM, options) : createDevMailboxMailer(db, env.EMAIL_FROM);
}

export const usesDevMailbox = !env.SMTP_URL;
