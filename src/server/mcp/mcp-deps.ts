import "server-only";
import type { Db } from "@/server/db";
import type { PaperQueries } from "@/server/mcp/paper-queries";

/** What the MCP server's tools read with: the database, the site's address and the (cached) paper lists. */
export interface McpDeps {
  db: Db;
  siteUrl: string;
  papers: PaperQueries;
}
