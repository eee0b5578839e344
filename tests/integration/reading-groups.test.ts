import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { listMyGroups, listPublicGroups } from "@/server/groups/group-lists";
import {
  createGroup,
  findGroupByInvite,
  findVisibleGroup,
  joinByInvite,
  joinGroup,
  leaveGroup,
  regenerateInviteToken,
} from "@/server/groups/groups";
import { addQuestion, listQuestions, setQuestionVote } from "@/server/groups/questions";
import { findSessionPage, listPastSessions, listUpcomingSessions, scheduleSession } from "@/server/groups/sessions";
import { createPaper, createSignedInUser } from "../support/accounts";
import { useTestDatabase } from "../support/test-db";

const t = useTestDatabase();

const SESSION = {
  date: "2099-10-27",
  time: "18:00",
  timeZone: "Europe/Berlin",
  durationMinutes: "60",
  presenter: "Ada",
  location: "https://meet.example.org/graphs",
  notes: "",
  papers: "2611.00001",
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function user(email: string) {
  return (await createSignedInUser(t.db, email)).user;
}

beforeEach(async () => {
  await t.db.$executeRawUnsafe(`TRUNCATE "Paper", "User", "ReadingGroup", "RateLimitEvent" CASCADE`);
  await createPaper(t.db, "2611.00001");
  await createPaper(t.db, "2611.00002");
});

describe("reading groups", () => {
  it("a reader creates a public group and organizes it; others join and leave; its address is unique", async () => {
    const ada = await user("ada@example.com");
    const bob = await user("bob@example.com");
    const { slug } = await createGroup(t.db, ada.id, {
      name: "Graph Lunch",
      description: "Weekly.",
      visibility: "PUBLIC",
      timeZone: "europe/berlin",
    });
    expect(slug).toBe("graph-lunch");
    expect((await createGroup(t.db, bob.id, { name: "Graph lunch!", visibility: "PUBLIC", timeZone: "UTC" })).slug).toBe("graph-lunch-2");
    expect((await createGroup(t.db, bob.id, { name: "New", visibility: "PUBLIC", timeZone: "UTC" })).slug).toBe("new-2");

    const asAda = await findVisibleGroup(t.db, slug, ada.id);
    expect(asAda).toMatchObject({ name: "Graph Lunch", role: "ORGANIZER", memberCount: 1, timeZone: "Europe/Berlin", remindersOn: true });
    expect(await findVisibleGroup(t.db, slug, null)).toMatchObject({ role: null, inviteToken: null });

    await joinGroup(t.db, bob.id, slug);
    await joinGroup(t.db, bob.id, slug);
    expect(await findVisibleGroup(t.db, slug, bob.id)).toMatchObject({ role: "MEMBER", memberCount: 2 });
    expect((await listMyGroups(t.db, bob.id, new Date())).map((group) => group.slug)).toContain(slug);
    const { groups } = await listPublicGroups(t.db, { sort: "members", page: 1, now: new Date() });
    expect(groups[0]).toMatchObject({ slug, memberCount: 2 });

    // The last organizer leaving hands the group to the longest-standing member.
    await leaveGroup(t.db, ada.id, slug);
    expect(await findVisibleGroup(t.db, slug, ada.id)).toMatchObject({ role: null, memberCount: 1 });
    expect(await findVisibleGroup(t.db, slug, bob.id)).toMatchObject({ role: "ORGANIZER" });

    const bad = await refusal(createGroup(t.db, ada.id, { name: "x", visibility: "OPEN", timeZone: "Mars/Base" }));
    expect(bad.status).toBe(400);
    expect(bad.details.fields).toMatchObject({ name: expect.any(String), visibility: expect.any(String), timeZone: expect.any(String) });
  });

  it("an invite-only group is invisible to non-members and joined only with its current link", async () => {
    const ada = await user("ada@example.com");
    const eve = await user("eve@example.com");
    const { slug } = await createGroup(t.db, ada.id, { name: "Secret Seminar", visibility: "INVITE", timeZone: "UTC" });
    const { id } = await scheduleSession(t.db, ada.id, slug, SESSION);
    const token = (await findVisibleGroup(t.db, slug, ada.id))!.inviteToken!;

    expect(await findVisibleGroup(t.db, slug, eve.id)).toBeNull();
    expect(await findVisibleGroup(t.db, slug, null)).toBeNull();
    expect(await findSessionPage(t.db, slug, id, eve.id)).toBeNull();
    expect((await listPublicGroups(t.db, { sort: "newest", page: 1, now: new Date() })).groups).toEqual([]);
    expect((await refusal(joinGroup(t.db, eve.id, slug))).status).toBe(404);
    expect((await refusal(addQuestion(t.db, eve.id, { sessionId: id, body: "Can I ask?" }))).status).toBe(404);
    expect((await refusal(joinByInvite(t.db, eve.id, "A".repeat(32)))).status).toBe(404);

    // The join page shows the name before joining.
    expect(await findGroupByInvite(t.db, token)).toMatchObject({ name: "Secret Seminar", memberCount: 1 });
    expect(await joinByInvite(t.db, eve.id, token)).toEqual({ slug });
    expect(await findVisibleGroup(t.db, slug, eve.id)).toMatchObject({ role: "MEMBER" });
    expect((await findSessionPage(t.db, slug, id, eve.id))?.session.papers.map((paper) => paper.id)).toEqual(["2611.00001"]);

    // A new link revokes the old one; only organizers make one.
    expect((await refusal(regenerateInviteToken(t.db, eve.id, slug))).status).toBe(403);
    const fresh = await regenerateInviteToken(t.db, ada.id, slug);
    expect(fresh).not.toBe(token);
    const mallory = await user("mallory@example.com");
    expect((await refusal(joinByInvite(t.db, mallory.id, token))).status).toBe(404);
    expect(await findGroupByInvite(t.db, token)).toBeNull();
  });

  it("only organizers schedule; unknown papers are named; sessions list as upcoming, then as what we read", async () => {
    const ada = await user("ada@example.com");
    const bob = await user("bob@example.com");
    const { slug } = await createGroup(t.db, ada.id, { name: "Graph Lunch", visibility: "PUBLIC", timeZone: "Europe/Berlin" });
    await joinGroup(t.db, bob.id, slug);

    const notOrganizer = await refusal(scheduleSession(t.db, bob.id, slug, SESSION));
    expect(notOrganizer.status).toBe(403);
    expect(notOrganizer.message).toBe("Only the group’s organizers can schedule sessions.");

    const unknown = await refusal(
      scheduleSession(t.db, ada.id, slug, { ...SESSION, papers: "2611.00001 2611.09998 https://arxiv.org/abs/2611.09999v2" }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.details.fields?.papers).toBe(
      "Not on Daily Papers yet: 2611.09998, 2611.09999. Submit them at /submit first, then schedule the session.",
    );
    expect(await t.db.groupSession.count()).toBe(0);

    const { id } = await scheduleSession(t.db, ada.id, slug, {
      ...SESSION,
      papers: "2611.00002\nhttps://huggingface.co/papers/2611.00001",
    });
    const page = await findSessionPage(t.db, slug, id, null);
    expect(page?.session.papers.map((paper) => paper.id)).toEqual(["2611.00002", "2611.00001"]);
    expect(page?.session.startsAt.toISOString()).toBe("2099-10-27T17:00:00.000Z");

    const group = (await findVisibleGroup(t.db, slug, null))!;
    expect((await listUpcomingSessions(t.db, group.id, new Date("2099-10-27T17:30:00Z"))).map((session) => session.id)).toEqual([id]);
    expect(await listUpcomingSessions(t.db, group.id, new Date("2099-10-27T18:00:00Z"))).toEqual([]);
    const past = await listPastSessions(t.db, group.id, new Date("2099-11-01T00:00:00Z"), 1);
    expect(past).toMatchObject({ hasMore: false, sessions: [{ id, papers: [{ id: "2611.00002" }, { id: "2611.00001" }] }] });
  });

  it("members add questions; 20 concurrent upvotes by 20 readers count 20, a second vote by one reader does not, one's own is refused", async () => {
    const ada = await user("ada@example.com");
    const { slug } = await createGroup(t.db, ada.id, { name: "Graph Lunch", visibility: "PUBLIC", timeZone: "UTC" });
    const { id: sessionId } = await scheduleSession(t.db, ada.id, slug, SESSION);
    const outsider = await user("outsider@example.com");
    expect((await refusal(addQuestion(t.db, outsider.id, { sessionId, body: "Why this loss?" }))).status).toBe(403);
    const tooShort = await refusal(addQuestion(t.db, ada.id, { sessionId, body: "Hm" }));
    expect(tooShort.details.fields?.body).toBe("Write a question of at least 5 characters.");
    expect((await refusal(addQuestion(t.db, ada.id, { sessionId, body: "Late?" }, { now: new Date("2100-01-01T00:00:00Z") }))).status).toBe(
      409,
    );

    const { id: questionId } = await addQuestion(t.db, ada.id, { sessionId, body: "Why does the loss in Table 2 drop at step 10k?" });
    const own = await refusal(setQuestionVote(t.db, ada.id, { questionId, upvoted: true }));
    expect(own.status).toBe(403);
    expect(own.message).toBe("You cannot upvote your own question.");
    expect((await refusal(setQuestionVote(t.db, outsider.id, { questionId, upvoted: true }))).message).toBe(
      "Join the group to vote on its questions.",
    );

    const voters = await Promise.all(Array.from({ length: 20 }, (_, index) => user(`voter-${index}@example.com`)));
    for (const voter of voters) await joinGroup(t.db, voter.id, slug);
    await Promise.all(voters.map((voter) => setQuestionVote(t.db, voter.id, { questionId, upvoted: true })));
    const again = await Promise.all([
      setQuestionVote(t.db, voters[0]!.id, { questionId, upvoted: true }),
      setQuestionVote(t.db, voters[0]!.id, { questionId, upvoted: true }),
    ]);
    expect(again.map((state) => state.upvotes)).toEqual([20, 20]);
    const stored = await t.db.sessionQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { upvotes: true } });
    expect(stored.upvotes).toBe(20);
    expect(await t.db.sessionQuestionVote.count({ where: { questionId } })).toBe(20);

    expect(await setQuestionVote(t.db, voters[1]!.id, { questionId, upvoted: false })).toEqual({ questionId, upvoted: false, upvotes: 19 });
    expect(await setQuestionVote(t.db, voters[1]!.id, { questionId, upvoted: false })).toMatchObject({ upvotes: 19 });

    // Most upvoted first, then oldest first; the viewer's own vote is marked.
    const { id: later } = await addQuestion(t.db, voters[2]!.id, { sessionId, body: "Which baseline would you add?" });
    await setQuestionVote(t.db, voters[3]!.id, { questionId: later, upvoted: true });
    const listed = await listQuestions(t.db, sessionId, voters[3]!.id);
    expect(listed.map((question) => [question.id, question.upvotes, question.upvoted, question.mine])).toEqual([
      [questionId, 19, true, false],
      [later, 1, true, false],
    ]);
    expect(listed[0]!.author).toMatch(/^reader-[0-9a-f]{6}$/);
  });
});
