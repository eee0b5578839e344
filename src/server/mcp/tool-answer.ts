import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { capMarkdown } from "@/lib/agents/list-markdown";
import { errorResponse, type ErrorBody } from "@/server/http/errors";

/**
 * Runs a tool and answers its Markdown, cut to MAX_ANSWER_CHARACTERS, or a tool error (`isError`) with the status, code and
 * message the REST API gives for the same failure: src/server/http/errors.ts decides them, and logs
 * an unexpected error without showing its details.
 */
export async function toolAnswer(run: () => Promise<string>): Promise<CallToolResult> {
  try {
    return { content: [{ type: "text", text: capMarkdown(await run(), null) }] };
  } catch (thrown) {
    const response = errorResponse(thrown);
    const { error } = (await response.json()) as ErrorBody;
    const retryAfter = response.headers.get("Retry-After");
    const retry = retryAfter ? ` Try again in ${retryAfter} s.` : "";
    return { isError: true, content: [{ type: "text", text: `${response.status} ${error.code}: ${error.message}${retry}` }] };
  }
}
