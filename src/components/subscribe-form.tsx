"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { CadenceOption } from "@/components/subscription/cadence-option";
import { buttonClasses } from "@/components/ui/button";
import { CADENCE_LABELS, CADENCES, type Cadence } from "@/lib/subscription";

type Result =
  { kind: "pending"; email: string } | { kind: "subscribed"; email: string; preferencesPath: string } | { kind: "error"; message: string };

interface SubscribeFormProps {
  /** The signed-in user's address: offers a one-click subscription to it. */
  accountEmail?: string | null;
}

async function postSubscription(body: object): Promise<Response> {
  return fetch("/api/subscriptions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? "Something went wrong. Please try again in a moment.";
}

const inputClass =
  "w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-base text-gray-900 placeholder:text-gray-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100";

/** Email + cadence, double opt-in (the server mails a confirmation link); used on /subscribe. */
export function SubscribeForm({ accountEmail = null }: SubscribeFormProps) {
  const id = useId();
  const [cadence, setCadence] = useState<Cadence>("DAILY");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(body: object) {
    setPending(true);
    setResult(null);
    try {
      const response = await postSubscription(body);
      if (!response.ok) return setResult({ kind: "error", message: await errorMessage(response) });
      const data = (await response.json()) as { outcome: "pending" | "subscribed"; email: string; preferencesPath?: string };
      setResult(
        data.outcome === "subscribed"
          ? { kind: "subscribed", email: data.email, preferencesPath: data.preferencesPath ?? "/me" }
          : { kind: "pending", email: data.email },
      );
    } catch {
      setResult({ kind: "error", message: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  if (result?.kind === "pending" || result?.kind === "subscribed") {
    return (
      <div
        role="status"
        className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
      >
        {result.kind === "pending" ? (
          <>
            <p className="font-semibold">Check your inbox</p>
            <p className="mt-1 text-sm">
              We sent an email to <strong>{result.email}</strong>. Click the link in it to confirm your subscription; until then you will
              not receive any digest.
            </p>
          </>
        ) : (
          <>
            <p className="font-semibold">You&apos;re subscribed</p>
            <p className="mt-1 text-sm">
              The {CADENCE_LABELS[cadence].name.toLowerCase()} digest will go to <strong>{result.email}</strong>.{" "}
              <Link href={result.preferencesPath} className="font-medium underline">
                Manage preferences
              </Link>
            </p>
          </>
        )}
      </div>
    );
  }

  const cadencePicker = (
    <fieldset>
      <legend className="text-sm font-medium text-gray-700 dark:text-gray-300">How often</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {CADENCES.map((value) => (
          <CadenceOption key={value} name={`${id}-cadence`} cadence={value} checked={cadence === value} onSelect={setCadence} />
        ))}
      </div>
    </fieldset>
  );

  // Signed in, the cadence applies to both buttons, so it comes first; otherwise it follows the address.
  const oneClick = Boolean(accountEmail);
  return (
    <div className="flex flex-col gap-4">
      {oneClick && cadencePicker}
      {oneClick && (
        <div className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 dark:border-indigo-900 dark:bg-indigo-950/40">
          <p className="text-sm text-indigo-900 dark:text-indigo-100">
            You&apos;re signed in as <strong>{accountEmail}</strong>, so no confirmation email is needed.
          </p>
          <button
            type="button"
            disabled={pending}
            onClick={() => submit({ account: true, cadence })}
            className={buttonClasses({ className: "mt-3" })}
          >
            Subscribe {accountEmail}
          </button>
        </div>
      )}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const email = new FormData(event.currentTarget).get("email");
          void submit({ email, cadence });
        }}
      >
        <div>
          <label htmlFor={`${id}-email`} className="text-sm font-medium text-gray-700 dark:text-gray-300">
            {oneClick ? "Or another email address" : "Email address"}
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            placeholder="you@example.org"
            aria-invalid={result?.kind === "error" ? true : undefined}
            aria-describedby={result?.kind === "error" ? `${id}-error` : undefined}
            className={`${inputClass} mt-1`}
          />
        </div>
        {!oneClick && cadencePicker}
        <button type="submit" disabled={pending} className={buttonClasses({ className: "self-start" })}>
          {pending ? "Subscribing…" : "Subscribe"}
        </button>
      </form>
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-400">
        {result?.kind === "error" ? result.message : ""}
      </p>
    </div>
  );
}
