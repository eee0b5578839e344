import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { safeCallbackUrl } from "@/lib/callback-url";
import { AppError } from "@/lib/errors";
import { parseCookieHeader } from "@/server/auth/session";
import { admitSignInRequest, SIGN_IN_LIMITS, type SignInLimits } from "@/server/auth/sign-in-limits";
import type { Db } from "@/server/db";
import { errorResponse } from "@/server/http/errors";
import { clientIp, hasSameOrigin } from "@/server/http/request-origin";

export interface AuthRouteDeps {
  db: Db;
  options: NextAuthOptions;
  siteUrl: string;
  limits?: SignInLimits;
}

export type AuthRouteHandler = (request: Request, segments: string[]) => Promise<Response>;

/**
 * /api/auth/* : next-auth, with two rules in front of it. Requests for an email link are screened
 * (address, per-address and per-IP limits) with a clear JSON answer; and an email link completes
 * sign-in only by a same-origin POST from the confirmation page, so a GET (a mail scanner, a
 * preview) lands on that page without using up the token.
 *
 * next-auth runs through its request/response API, which needs nothing from the Next.js request
 * scope; that keeps this handler callable with a plain Request.
 */
// The endpoints next-auth serves under /api/auth; anything else gets a JSON 404 from us.
const NEXTAUTH_ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"]);

export function createAuthRouteHandler(deps: AuthRouteDeps): AuthRouteHandler {
  return async (request, segments) => {
    const [action, providerId] = segments;
    const url = new URL(request.url);
    try {
      if (!action || !NEXTAUTH_ACTIONS.has(action)) throw new AppError("NOT_FOUND", "There is no such sign-in endpoint.");
      if (action === "callback" && providerId === "email") {
        if (request.method === "GET") return redirect(new URL(`/auth/confirm${url.search}`, deps.siteUrl).toString());
        if (!hasSameOrigin(request, deps.siteUrl))
          throw new AppError("FORBIDDEN", "Sign-in links can only be confirmed from this site's confirmation page.");
      }
      const body = await readBody(request);
      // Only a request next-auth will honour counts against the limits: a forged one (no valid
      // CSRF token) is left to next-auth to refuse, and costs the owner nothing.
      if (
        action === "signin" &&
        providerId === "email" &&
        request.method === "POST" &&
        hasValidCsrfToken(request, body, deps.options.secret)
      ) {
        body.email = await admitSignInRequest(deps.db, { email: body.email, ip: clientIp(request.headers) }, deps.limits ?? SIGN_IN_LIMITS);
      }
      return await runNextAuth(deps, request, segments, url, body);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

/**
 * next-auth's double-submit check, done early: the cookie holds `token|sha256(token + secret)` and
 * the form must repeat the token. Without a configured secret (next-auth then derives one itself)
 * it cannot be checked here, and every request counts, as before.
 */
function hasValidCsrfToken(request: Request, body: Record<string, string>, secret: string | undefined): boolean {
  if (!secret) return true;
  if (!body.csrfToken) return false;
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  const cookie = CSRF_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  const [token, hash] = cookie?.split("|") ?? [];
  if (!token || !hash || token !== body.csrfToken) return false;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  return expected.length === hash.length && timingSafeEqual(Buffer.from(expected), Buffer.from(hash));
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

async function readBody(request: Request): Promise<Record<string, string>> {
  if (request.method !== "POST") return {};
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const json: unknown = await request.json();
      return json && typeof json === "object" ? Object.fromEntries(Object.entries(json).map(([key, value]) => [key, String(value)])) : {};
    }
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await request.text()));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body could not be read.");
  }
  return {};
}

// next-auth answers an unparsable callback URL with a configuration error (a 500 for POSTs), so
// every place it reads one from gets the same-origin version first.
const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

async function runNextAuth(
  deps: AuthRouteDeps,
  request: Request,
  segments: string[],
  url: URL,
  body: Record<string, string>,
): Promise<Response> {
  const query: Record<string, string | string[]> = Object.fromEntries(url.searchParams);
  if (query.callbackUrl !== undefined) query.callbackUrl = safeCallbackUrl(query.callbackUrl, deps.siteUrl);
  if (body.callbackUrl !== undefined) body.callbackUrl = safeCallbackUrl(body.callbackUrl, deps.siteUrl);
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  for (const name of CALLBACK_URL_COOKIES) {
    const value = cookies.get(name);
    if (value !== undefined) cookies.set(name, safeCallbackUrl(value, deps.siteUrl));
  }
  const req = {
    method: request.method,
    query: { ...query, nextauth: segments },
    body,
    cookies: Object.fromEntries(cookies),
    headers: Object.fromEntries(request.headers),
  };
  const res = new CollectedResponse();
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, deps.options);
  return res.toResponse();
}

/** The subset of NextApiResponse that next-auth's handler uses, collected into a Response. */
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | string[]) {
    this.headers.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) this.headers.append(name, item);
    return this;
  }

  getHeader(name: string): string[] | string | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }

  json(value: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
    return this;
  }

  send(value: unknown) {
    if (typeof value === "string") this.body = value;
    else if (value !== undefined && value !== null) this.json(value);
    return this;
  }

  end() {
    return this;
  }

  toResponse(): Response {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}
