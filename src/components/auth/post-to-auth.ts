"use client";

export type AuthPostResult = { ok: true; url: string } | { ok: false; message: string };

const NETWORK_PROBLEM = "We could not reach the server. Check your connection and try again.";

/**
 * POSTs a form to next-auth (/api/auth/...) the way its own client does: with the CSRF token it
 * hands out, asking for a JSON answer so the page can show our error messages.
 */
export async function postToAuth(path: string, fields: Record<string, string>): Promise<AuthPostResult> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }),
    });
    const body = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
    if (response.ok && body?.url) {
      const error = new URL(body.url, window.location.href).searchParams.get("error");
      if (!error) return { ok: true, url: body.url };
      return { ok: false, message: "Something went wrong while sending your link. Please try again." };
    }
    return { ok: false, message: body?.error?.message ?? "Something went wrong on our side. Please try again." };
  } catch {
    return { ok: false, message: NETWORK_PROBLEM };
  }
}
