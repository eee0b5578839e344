import { siteUrl } from "@/env";
import { db } from "@/server/db";
import { cachedPaperQueries } from "@/server/mcp/cached-paper-queries";
import { createMcpHandler } from "@/server/mcp/mcp-handler";

/** POST /api/mcp: the MCP server (src/server/mcp/mcp-handler.ts); GET and DELETE answer 405. */
const handler = createMcpHandler({ db, siteUrl, papers: cachedPaperQueries });

export const POST = handler;
export const GET = handler;
export const DELETE = handler;
