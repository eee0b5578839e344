import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkifiedText } from "@/components/linkified-text";
import { env } from "@/env";
import { db } from "@/server/db";
import { usesDevMailbox } from "@/server/email/default-mailer";
import { listDevMailMessages } from "@/server/email/dev-mailbox";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

// Links in a message open in the page itself rather than inside the frame.
const frameDocument = (html: string) => `<base target="_top">${html}`;

/** Development only: mail kept locally because SMTP_URL is unset. */
export default async function DevMailboxPage() {
  if (env.NODE_ENV === "production") notFound();
  const messages = await listDevMailMessages(db);
  return (
    <section>
      <h1 className="text-2xl font-bold">Dev mailbox</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        {usesDevMailbox
          ? "SMTP_URL is not set, so outgoing mail is kept here instead of being sent. Newest first; reload to see new mail."
          : "SMTP_URL is set, so new mail goes to that server; older mail kept locally is shown below."}{" "}
        This page does not exist in production builds.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No mail yet. Sign in with any address and the link will show up here.
        </p>
      ) : (
        <ol className="mt-6 flex flex-col gap-6">
          {messages.map((message) => (
            <li
              key={message.id}
              data-testid="dev-mail"
              className="overflow-hidden rounded-xl border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900"
            >
              <header className="border-b border-gray-200 px-4 py-3 dark:border-gray-800">
                <h2 className="font-semibold">{message.subject}</h2>
                <p className="mt-0.5 text-sm text-gray-600 dark:text-gray-400">
                  To <span className="font-medium text-gray-900 dark:text-gray-100">{message.to}</span> from {message.from} ·{" "}
                  <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
                </p>
              </header>
              {message.html && (
                <iframe
                  title={`HTML version of “${message.subject}”`}
                  srcDoc={frameDocument(message.html)}
                  sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
                  className="h-96 w-full resize-y bg-white"
                />
              )}
              {message.text && (
                <details className="border-t border-gray-200 px-4 py-3 dark:border-gray-800" open={!message.html}>
                  <summary className="cursor-pointer text-sm font-medium text-gray-600 dark:text-gray-300">Plain text</summary>
                  <pre className="mt-2 overflow-x-auto font-mono text-sm whitespace-pre-wrap">
                    <LinkifiedText text={message.text} />
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
