import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { handleErrors } from "@/server/http/errors";
import type { McpDeps } from "@/server/mcp/mcp-deps";
import { createMcpServer } from "@/server/mcp/mcp-server";
import { userFromBearer } from "@/server/tokens/api-tokens";

/** A tool call is a few hundred bytes, the longest query allowed about 10 kB; past this the body is refused (413) unread. */
const MAX_BODY_BYTES = 64 * 1024;

// A stateless server has no stream to open and no session to end: GET and DELETE are refused in
// JSON-RPC's shape, as the SDK's stateless examples do, so clients fall back to POST alone.
function methodNotAllowed(): Response {
  const message = "This MCP server is stateless: POST JSON-RPC messages to /api/mcp; there is no SSE stream to open and no session to end.";
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id: null },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } },
  );
}

/**
 * /api/mcp: the MCP server over Streamable HTTP, stateless (a fresh server and transport per
 * request, JSON answers). A personal access token in `Authorization: Bearer dp_…` is checked for
 * the whole request as the REST API checks it (401 when malformed, unknown or revoked; its own 600
 * a minute); the account tools use its reader, the others need none.
 */
export function createMcpHandler(deps: McpDeps) {
  return handleErrors(async (request: Request) => {
    if (request.method !== "POST") return methodNotAllowed();
    const token = await userFromBearer(deps.db, request);
    const server = createMcpServer(deps, token);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: MAX_BODY_BYTES,
    });
    await server.connect(transport);
    try {
      const response = await transport.handleRequest(request);
      response.headers.set("Cache-Control", "private, no-store");
      return response;
    } finally {
      await server.close();
    }
  });
}
