import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { LIST_PAGE_SIZE, MAX_ANSWER_CHARACTERS } from "@/lib/agents/list-markdown";
import { registerAccountTools } from "@/server/mcp/account-tools";
import type { McpDeps } from "@/server/mcp/mcp-deps";
import { registerPaperTools } from "@/server/mcp/paper-tools";
import type { TokenUser } from "@/server/tokens/api-tokens";

// The arguments of one call are a few strings and at most two lists of 20 categories.
const MAX_TOOL_INPUT_ELEMENTS = 100;

const INSTRUCTIONS = [
  "Daily Papers: a daily feed of research papers from arXiv, ranked by readers' upvotes.",
  "search_papers, list_papers (a day, week or month), trending and similar_papers list papers; get_paper reads one by its arXiv id.",
  `Every answer is Markdown of at most ${MAX_ANSWER_CHARACTERS.toLocaleString("en")} characters; lists hold ${LIST_PAGE_SIZE} papers a page and end with the page to ask for next.`,
  "my_library, for_you and save_paper work on the reader's account and need a personal access token (Authorization: Bearer dp_…) made on /me#tokens.",
].join(" ");

/** The MCP server for one request: its tools, with the reader of the request's token (null: anonymous). */
export function createMcpServer(deps: McpDeps, token: TokenUser | null): McpServer {
  const server = new McpServer(
    { name: "daily-papers", title: "Daily Papers", version: "1.0.0", websiteUrl: deps.siteUrl },
    { instructions: INSTRUCTIONS, maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS },
  );
  registerPaperTools(server, deps);
  registerAccountTools(server, deps, token);
  return server;
}
