import "server-only";
import { markdownText } from "@/lib/markdown/escape";
import { cacheableResponse } from "@/server/http/cacheable";
import { errorResponse } from "@/server/http/errors";

const MARKDOWN = "text/markdown; charset=utf-8";

/**
 * A Markdown rendition, cacheable like the feeds. `Link: rel="canonical"` names the page it
 * renders, so search engines index the page rather than its rendition.
 */
export function markdownResponse(request: Request, markdown: string, pageUrl: string): Response {
  const response = cacheableResponse(request, markdown, MARKDOWN);
  response.headers.set("Link", `<${pageUrl}>; rel="canonical"`);
  return response;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a rendition's handler so that a failure answers in Markdown too, with the status and
 * message the JSON API would give (src/server/http/errors.ts decides both).
 */
export function handleMarkdownErrors<C>(siteUrl: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (thrown) {
      const json = errorResponse(thrown);
      const { error } = (await json.json()) as { error: { code: string; message: string } };
      const title = `${json.status} ${error.code.charAt(0)}${error.code.slice(1).toLowerCase().replace(/_/g, " ")}`;
      const body = `# ${title}\n\n${markdownText(error.message)}\n\nWhat this site serves to agents: ${siteUrl}/llms.txt\n`;
      const headers = new Headers({ "Content-Type": MARKDOWN });
      const retryAfter = json.headers.get("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      return new Response(body, { status: json.status, headers });
    }
  };
}
