"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { postToAuth } from "@/components/auth/post-to-auth";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl, githubEnabled }: { callbackUrl: string; githubEnabled: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const emailId = useId();
  const errorId = useId();

  // A submit handler rather than a form action: React resets a form after its action, which
  // would wipe the address the person has to correct.
  function requestLink(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const result = await postToAuth("/api/auth/signin/email", { email, callbackUrl });
      if (result.ok) router.push(`/auth/verify-request?email=${encodeURIComponent(email.trim().toLowerCase())}`);
      else setError(result.message);
    });
  }

  function signInWithGitHub() {
    startTransition(async () => {
      setError(null);
      const result = await postToAuth("/api/auth/signin/github", { callbackUrl });
      if (result.ok) window.location.assign(result.url);
      else setError(result.message);
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={requestLink} noValidate className="flex flex-col gap-3">
        <label htmlFor={emailId} className="text-sm font-medium">
          Email address
        </label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="you@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="rounded-lg border border-gray-300 bg-white px-3 py-2 text-base outline-none focus-visible:border-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500/30 dark:border-gray-700 dark:bg-gray-900"
        />
        {error && (
          <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Email me a sign-in link
        </SubmitButton>
      </form>
      {githubEnabled && (
        <>
          <div className="flex items-center gap-3 text-xs text-gray-500 uppercase dark:text-gray-400" aria-hidden>
            <span className="h-px flex-1 bg-gray-200 dark:bg-gray-800" />
            or
            <span className="h-px flex-1 bg-gray-200 dark:bg-gray-800" />
          </div>
          <button
            type="button"
            onClick={signInWithGitHub}
            disabled={pending}
            className="rounded-lg border border-gray-300 px-4 py-2 font-semibold hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-70 dark:border-gray-700 dark:hover:bg-gray-900"
          >
            Continue with GitHub
          </button>
        </>
      )}
    </div>
  );
}
