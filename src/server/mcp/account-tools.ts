import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { LIST_PAGE_SIZE, listMarkdown, pageSlice } from "@/lib/agents/list-markdown";
import { pageInput, paperIdInput } from "@/lib/agents/mcp-inputs";
import { AppError } from "@/lib/errors";
import { countOf } from "@/lib/plural";
import { MIN_POSITIVES } from "@/lib/recs/reader-training";
import { reasonText } from "@/lib/recs/reason";
import { shorten } from "@/lib/text";
import { LIBRARY_LIMIT, listLibrary, setSaved } from "@/server/library/library";
import type { McpDeps } from "@/server/mcp/mcp-deps";
import { toolAnswer } from "@/server/mcp/tool-answer";
import { getReaderForYou } from "@/server/recs/reader-for-you";
import { assertTokenMayWrite, type TokenUser } from "@/server/tokens/api-tokens";

// The tools that read or change the reader's own account, with a personal access token sent as
// `Authorization: Bearer dp_…` (checked for the whole request by the handler, as the REST API's
// account endpoints check it). Without one they answer how to make one.

const LIBRARY_PAGES = LIBRARY_LIMIT / LIST_PAGE_SIZE;
/** Characters of a library note quoted under its paper. */
const QUOTED_NOTE = 300;

/** The token's reader, or a 401 tool error saying how to get a token (and, for a write, a 403 for a read-only one). */
function readerOf(token: TokenUser | null, tool: string, access: "read" | "write", siteUrl: string): TokenUser {
  if (!token) {
    const kind = access === "write" ? "a read-and-write personal access token" : "a personal access token";
    throw new AppError(
      "UNAUTHORIZED",
      `${tool} works on your account, so it needs ${kind}: make one on ${siteUrl}/me#tokens and have your MCP client send it as the header \`Authorization: Bearer dp_…\`.`,
    );
  }
  if (access === "write") assertTokenMayWrite(token);
  return token;
}

export function registerAccountTools(server: McpServer, deps: McpDeps, token: TokenUser | null): void {
  const { db, siteUrl } = deps;

  server.registerTool(
    "my_library",
    {
      title: "My library",
      description:
        "The papers you saved, newest saved first, with your notes. Needs a personal access token (Authorization: Bearer dp_…). Answers Markdown, 20 papers a page.",
      inputSchema: { page: pageInput(LIBRARY_PAGES) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ page }) =>
      toolAnswer(async () => {
        const { user } = readerOf(token, "my_library", "read", siteUrl);
        // One more than a page says whether another follows.
        const entries = await listLibrary(db, user.id, { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE + 1 });
        return listMarkdown(
          {
            title: "Your library",
            intro: `The papers you saved, newest saved first (the first ${LIBRARY_LIMIT.toLocaleString("en")}).`,
            pageUrl: `${siteUrl}/me/library`,
            empty: "You have not saved any paper yet: save_paper saves one.",
            items: entries.slice(0, LIST_PAGE_SIZE).map(({ paper, note, savedAt }) => ({
              paper,
              notes: [`Saved ${savedAt.slice(0, 10)}`, ...(note ? [`Your note: ${shorten(note, QUOTED_NOTE)}`] : [])],
            })),
            page,
            total: null,
            hasMore: entries.length > LIST_PAGE_SIZE,
            tool: "my_library",
          },
          siteUrl,
        );
      }),
  );

  server.registerTool(
    "for_you",
    {
      title: "For you",
      description:
        "Your For you list: recent papers ranked by what you saved and upvoted (or, until there are enough, by what you follow, then trending), each saying why it is there. Needs a personal access token. Answers Markdown, 20 papers a page.",
      inputSchema: { page: pageInput() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ page }) =>
      toolAnswer(async () => {
        const { user } = readerOf(token, "for_you", "read", siteUrl);
        const forYou = await getReaderForYou(db, user.id, new Date());
        const intro =
          forYou.mode === "learned"
            ? `Papers of the last ${forYou.days} days you have not read, ranked by what you saved and upvoted (${countOf(forYou.positives, "paper", "papers")}).`
            : `Papers of the last ${forYou.days} days from what you follow, then the week's trending. Save or upvote ${countOf(Math.max(1, MIN_POSITIVES - forYou.positives), "more paper", "more papers")} and this list ranks papers by what you keep.`;
        return listMarkdown(
          {
            title: "For you",
            intro: forYou.paused ? `${intro} Learning is paused: the ranking stays as it was.` : intro,
            pageUrl: `${siteUrl}/papers/for-you`,
            empty: "You have read every paper of these days that For you would show. New papers arrive with the next sync.",
            items: pageSlice(forYou.items, page).map(({ paper, reason }) => ({ paper, notes: [`Why: ${reasonText(reason)}`] })),
            page,
            total: forYou.items.length,
            hasMore: page * LIST_PAGE_SIZE < forYou.items.length,
            tool: "for_you",
          },
          siteUrl,
        );
      }),
  );

  server.registerTool(
    "save_paper",
    {
      title: "Save a paper",
      description:
        "Saves a paper to your library, or removes it with saved: false (both idempotent). Needs a read-and-write personal access token.",
      inputSchema: {
        id: paperIdInput,
        saved: z.boolean().default(true).describe("true (default) saves the paper, false removes it from your library."),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ id, saved }) =>
      toolAnswer(async () => {
        const { user } = readerOf(token, "save_paper", "write", siteUrl);
        await setSaved(db, user.id, id, saved);
        return saved
          ? `Saved arXiv ${id} to your library: ${siteUrl}/me/library\n`
          : `Removed arXiv ${id} from your library (if it was there): ${siteUrl}/me/library\n`;
      }),
  );
}
