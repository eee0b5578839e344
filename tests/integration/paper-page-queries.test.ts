import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { findSessionUser, type CurrentUser } from "@/server/auth/session";
import { postComment } from "@/server/comments/comments";
import { importDailyPaperFiles, listImportFiles } from "@/server/ingest/import-files";
import { getPaperPageForReader } from "@/server/papers/paper-page";
import { getPaperWithSimilar, SIMILAR_PAPERS } from "@/server/papers/similar";
import { hidePaper } from "@/server/triage/read-state";
import { createSignedInUser } from "../support/accounts";
import { HF_FIXTURES } from "../support/fixtures";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();
let statements: string[] = [];

/** A client that records the text of every statement it sends. */
function recordingClient(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => statements.push(event.query));
  return client;
}

let counted: ReturnType<typeof recordingClient>;

beforeAll(async () => {
  await importDailyPaperFiles(t.db, await listImportFiles([HF_FIXTURES]));
  counted = recordingClient(t.url);
});

afterAll(async () => {
  await counted.$disconnect();
});

/** The statements of one paper page's data loading, as the page does it (the cached part and the per-reader part). */
async function loadPaperPage(paperId: string, viewer: CurrentUser | null = null) {
  statements = [];
  const found = await getPaperWithSimilar(counted, paperId, { limit: SIMILAR_PAPERS });
  const reader = await getPaperPageForReader(counted, found!.paper, found!.similar, viewer, { order: "newest", page: 0 });
  return { found: found!, reader, statements };
}

const reading = (table: string) => (statement: string) => statement.includes(`FROM "public"."${table}"`);

/** A paper of the newest day (its list was ranked at import) with an organization and a full list of neighbours. */
const paperWithOrganization = (skip: number) =>
  t.db.paper.findFirstOrThrow({
    where: { feedDate: new Date("2026-06-16"), organizationName: { not: null }, similarList: { isNot: null } },
    orderBy: { id: "asc" },
    skip,
  });

describe("a paper page's queries", () => {
  it("are three for a signed-out reader: the stored list, the paper with its neighbours, their organizations", async () => {
    const paper = await paperWithOrganization(0);
    const { found, reader, statements } = await loadPaperPage(paper.id);
    expect(found.paper.organization).not.toBeNull();
    expect(found.similar).toHaveLength(SIMILAR_PAPERS);
    expect(reader.comments).toMatchObject({ threads: [], total: 0 });
    expect(statements.filter(reading("SimilarPaperList"))).toHaveLength(1);
    expect(statements.filter(reading("Paper"))).toHaveLength(1);
    expect(statements.filter(reading("Organization"))).toHaveLength(1);
    // No comment here (the paper's count says so), no viewer: nothing else is asked.
    expect(statements).toHaveLength(3);
  });

  it("read a discussion's threads and replies once each, and never the paper again for its comment count", async () => {
    const paper = await paperWithOrganization(1);
    const { user } = await createSignedInUser(t.db, "commenter@example.com");
    const thread = await postComment(t.db, user.id, { paperId: paper.id, body: "A first thought." });
    await postComment(t.db, user.id, { paperId: paper.id, replyTo: thread.id, body: "And a second one." });
    const { reader, statements } = await loadPaperPage(paper.id);
    expect(reader.comments.total).toBe(2);
    expect(reader.comments.threads[0]?.replies).toHaveLength(1);
    expect(statements.filter(reading("Paper"))).toHaveLength(1);
    expect(statements.filter(reading("Comment"))).toHaveLength(2);
    expect(statements.filter((statement) => /"(Session|Upvote|SavedPaper)"/.test(statement))).toEqual([]);
  });

  it("add only the reader's vote, save and hidden neighbours for a signed-in reader, and leave out what they hid", async () => {
    const paper = await paperWithOrganization(2);
    const signedOut = await loadPaperPage(paper.id);
    const { user, sessionToken } = await createSignedInUser(t.db, "reader@example.com");
    const hiddenNeighbour = signedOut.found.similar[1]!.id;
    await hidePaper(t.db, user.id, hiddenNeighbour);
    const signedIn = await loadPaperPage(paper.id, await findSessionUser(t.db, sessionToken));
    expect(signedIn.statements.length).toBe(signedOut.statements.length + 3);
    expect(signedIn.statements.filter(reading("Upvote"))).toHaveLength(1);
    expect(signedIn.statements.filter(reading("SavedPaper"))).toHaveLength(1);
    expect(signedIn.statements.filter((statement) => statement.includes('"PaperHidden"'))).toHaveLength(1);
    expect(signedOut.reader.similar.map((neighbour) => neighbour.id)).toContain(hiddenNeighbour);
    expect(signedIn.reader.similar.map((neighbour) => neighbour.id)).toEqual(
      signedOut.reader.similar.map((neighbour) => neighbour.id).filter((id) => id !== hiddenNeighbour),
    );
  });
});
