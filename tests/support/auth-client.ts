import type { AuthRouteHandler } from "@/server/auth/auth-route-handler";

export const SITE_URL = "http://localhost:3000";

/** A browser-like client for the /api/auth handler: keeps cookies, sends forms with the site's Origin. */
export class AuthClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly handler: AuthRouteHandler,
    private readonly ip = "203.0.113.7",
  ) {}

  async request(
    method: "GET" | "POST",
    pathAndQuery: string,
    options: { form?: Record<string, string>; origin?: string | null } = {},
  ): Promise<Response> {
    const url = new URL(pathAndQuery, SITE_URL);
    const headers = new Headers({ host: url.host, "x-forwarded-for": this.ip });
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; "));
    const origin = options.origin === undefined ? SITE_URL : options.origin;
    if (origin) headers.set("origin", origin);
    let body: string | undefined;
    if (options.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(options.form).toString();
    }
    const segments = url.pathname.replace(/^\/api\/auth\//, "").split("/");
    const response = await this.handler(new Request(url, { method, headers, body }), segments);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator);
      const value = decodeURIComponent(pair.slice(separator + 1));
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async csrfToken(): Promise<string> {
    const response = await this.request("GET", "/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** What the sign-in form does: ask for an email link. */
  async requestLink(email: string, callbackUrl = "/"): Promise<Response> {
    return this.request("POST", "/api/auth/signin/email", {
      form: { email, callbackUrl, csrfToken: await this.csrfToken(), json: "true" },
    });
  }
}

/** The confirmation-page link in a sign-in email's text part. */
export function linkFromMail(text: string | undefined): URL {
  const match = /https?:\/\/\S+\/auth\/confirm\?\S+/.exec(text ?? "");
  if (!match) throw new Error(`No sign-in link in mail:\n${text}`);
  return new URL(match[0]);
}
