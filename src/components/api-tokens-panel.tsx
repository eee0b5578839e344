import Link from "next/link";
import { ApiTokenForm } from "@/components/api-token-form";
import { buttonClasses } from "@/components/ui/button";
import { SCOPE_LABELS } from "@/lib/api-token";
import { formatDay } from "@/lib/periods";
import { revokeApiTokenAction } from "@/server/tokens/actions";
import type { ApiTokenSummary } from "@/server/tokens/api-tokens";

const day = (date: Date) => formatDay(date.toISOString().slice(0, 10));

/** /me's personal access tokens: each with what it may do and when it was last used, and a new one. */
export function ApiTokensPanel({ tokens }: { tokens: ApiTokenSummary[] }) {
  return (
    <div>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
        Scripts, reference managers and agents use the API as you with <code>Authorization: Bearer &lt;token&gt;</code>. A token works only
        on the API, never to sign in to the site. What it can call:{" "}
        <Link href="/api/docs#tag-your-account" className="underline">
          the API reference
        </Link>
        .
      </p>
      {tokens.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">No tokens yet.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2 text-sm">
          {tokens.map((token) => (
            <li key={token.id} data-testid="api-token" className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">{token.name}</span>
              <code className="text-gray-600 dark:text-gray-400">{token.prefix}…</code>
              <span>{SCOPE_LABELS[token.scope]}</span>
              <span className="text-gray-600 dark:text-gray-400">
                made {day(token.createdAt)}, {token.lastUsedAt ? `last used ${day(token.lastUsedAt)}` : "never used"}
              </span>
              <form action={revokeApiTokenAction}>
                <input type="hidden" name="tokenId" value={token.id} />
                <button type="submit" className={buttonClasses({ size: "sm", tone: "danger" })}>
                  Revoke<span className="sr-only"> “{token.name}”</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ApiTokenForm />
    </div>
  );
}
