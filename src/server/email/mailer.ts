import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/server/db";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Without angle brackets; generated when omitted. */
  messageId?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

// Signed so that a relay cannot alter them without breaking the signature; the one-click
// unsubscribe headers must be covered (Gmail's and Yahoo's bulk-sender rules).
const DKIM_SIGNED_HEADERS = [
  "from",
  "sender",
  "reply-to",
  "to",
  "cc",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "content-type",
  "list-id",
  "list-unsubscribe",
  "list-unsubscribe-post",
  "auto-submitted",
].join(":");

export interface SmtpMailerOptions {
  /** DKIM-sign every message with this key. */
  dkim?: DkimKey;
  /** Reuse connections (digest sending); `maxConnections` bounds concurrency. */
  pool?: boolean;
  maxConnections?: number;
}

/** Sends through a real SMTP server (`smtp://user:pass@host:587`, `smtps://...`). */
export function createSmtpMailer(smtpUrl: string, from: string, options: SmtpMailerOptions = {}): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: options.pool ?? false,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dkim: options.dkim ? { ...options.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } : undefined,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
        messageId: mail.messageId ? `<${mail.messageId}>` : undefined,
      });
      return { messageId: info.messageId.replace(/^<|>$/g, "") };
    },
    close: () => transport.close(),
  };
}

/**
 * Keeps mail in the database instead of sending it (SMTP_URL unset), so a newcomer can read
 * sign-in links and digests at /dev/mailbox, and every process (app, CLI) shares one mailbox.
 */
export function createDevMailboxMailer(db: Db, from: string): Mailer {
  return {
    async send(mail) {
      const messageId = mail.messageId ?? `${crypto.randomUUID()}@daily-papers.localhost`;
      await db.devMailMessage.create({
        data: {
          to: mail.to,
          from,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: { ...mail.headers, "Message-ID": `<${messageId}>` },
        },
      });
      return { messageId };
    },
    close: () => {},
  };
}
