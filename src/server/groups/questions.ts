import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { questionBodySchema } from "@/lib/groups/questions";
import { commenterName } from "@/server/accounts/commenter-name";
import { queryRows, type Db } from "@/server/db";
import { sessionEnd, sessionIdSchema } from "@/server/groups/sessions";
import { parseFormOrThrow, parseOrThrow } from "@/server/http/errors";
import { enforceRateLimit, type RateLimitRule } from "@/server/http/rate-limit";

/** A session page lists this many questions, most upvoted first. */
export const QUESTIONS_LIMIT = 200;

export const QUESTION_RATE_LIMIT: RateLimitRule = { limit: 20, windowMs: 10 * 60_000 };
// As generous as paper votes: a person going down a list of questions.
export const QUESTION_VOTE_RATE_LIMIT: RateLimitRule = { limit: 120, windowMs: 60_000 };

const questionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a question id");

const noSuchSession = () => new AppError("NOT_FOUND", "There is no such session here, or its group is invite-only.");

/** The session with the reader's membership of its group; a 404 when the group is invite-only and they are not in it. */
async function sessionForMember(db: Db, sessionId: string, userId: string) {
  if (!sessionIdSchema.safeParse(sessionId).success) throw noSuchSession();
  const session = await db.groupSession.findUnique({
    where: { id: sessionId },
    select: {
      startsAt: true,
      durationMinutes: true,
      group: { select: { visibility: true, members: { where: { userId }, select: { role: true } } } },
    },
  });
  if (!session) throw noSuchSession();
  const member = session.group.members.length > 0;
  if (!member && session.group.visibility === "INVITE") throw noSuchSession();
  return { ...session, member };
}

/** Adds a member's question to a session that has not ended. */
export async function addQuestion(
  db: Db,
  userId: string,
  input: { sessionId: string; body: unknown },
  options: { now?: Date; rateLimit?: RateLimitRule } = {},
): Promise<{ id: string }> {
  const { body } = parseFormOrThrow(z.object({ body: questionBodySchema }), { body: input.body });
  const session = await sessionForMember(db, input.sessionId, userId);
  if (!session.member) throw new AppError("FORBIDDEN", "Join the group to add questions to its sessions.");
  if (sessionEnd(session) <= (options.now ?? new Date()))
    throw new AppError("CONFLICT", "This session is over, so it takes no more questions.");
  await enforceRateLimit(
    db,
    `group-question:user:${userId}`,
    options.rateLimit ?? QUESTION_RATE_LIMIT,
    (wait) => `You are adding questions very fast. Try again in ${wait}.`,
  );
  return db.sessionQuestion.create({ data: { sessionId: input.sessionId, authorId: userId, body }, select: { id: true } });
}

export interface QuestionVoteState {
  questionId: string;
  upvoted: boolean;
  upvotes: number;
}

const countRow = z.object({ upvotes: z.number() });

// Raw: each change is one statement, so the vote row and SessionQuestion.upvotes commit together and
// the count moves only by the rows actually inserted or deleted, as votes.ts does for papers. The
// primary key (questionId, userId) makes a concurrent duplicate wait and then do nothing; `target`
// admits only members of the question's group, and never the question's own author.
function voteStatement(userId: string, questionId: string, upvoted: boolean): Prisma.Sql {
  const target = Prisma.sql`
    target AS (
      SELECT q."id" FROM "SessionQuestion" q
      JOIN "GroupSession" s ON s."id" = q."sessionId"
      JOIN "GroupMember" m ON m."groupId" = s."groupId" AND m."userId" = ${userId}
      WHERE q."id" = ${questionId} AND q."authorId" <> ${userId}
    )`;
  const change = upvoted
    ? Prisma.sql`changed AS (
        INSERT INTO "SessionQuestionVote" ("questionId", "userId") SELECT "id", ${userId} FROM target
        ON CONFLICT DO NOTHING
        RETURNING 1
      ), counted AS (
        UPDATE "SessionQuestion" SET "upvotes" = "upvotes" + (SELECT count(*) FROM changed)::int
        WHERE "id" IN (SELECT "id" FROM target)
        RETURNING "upvotes"
      )`
    : Prisma.sql`changed AS (
        DELETE FROM "SessionQuestionVote" WHERE "questionId" IN (SELECT "id" FROM target) AND "userId" = ${userId}
        RETURNING 1
      ), counted AS (
        UPDATE "SessionQuestion" SET "upvotes" = "upvotes" - (SELECT count(*) FROM changed)::int
        WHERE "id" IN (SELECT "id" FROM target)
        RETURNING "upvotes"
      )`;
  return Prisma.sql`WITH ${target}, ${change} SELECT "upvotes" FROM counted`;
}

/** Why a vote found no question to count on: the message for the reader. */
async function refusal(db: Db, userId: string, questionId: string): Promise<AppError> {
  const question = await db.sessionQuestion.findUnique({ where: { id: questionId }, select: { authorId: true, sessionId: true } });
  if (!question) return new AppError("NOT_FOUND", "There is no such question here.");
  const session = await sessionForMember(db, question.sessionId, userId).catch((error: unknown) => error);
  if (session instanceof AppError) return session;
  if (question.authorId === userId) return new AppError("FORBIDDEN", "You cannot upvote your own question.");
  return new AppError("FORBIDDEN", "Join the group to vote on its questions.");
}

/** Upvotes a question or takes the upvote back (idempotent): one per member, never on one's own. */
export async function setQuestionVote(
  db: Db,
  userId: string,
  input: { questionId: unknown; upvoted: boolean },
  rateLimit: RateLimitRule = QUESTION_VOTE_RATE_LIMIT,
): Promise<QuestionVoteState> {
  const questionId = parseOrThrow(questionIdSchema, input.questionId);
  await enforceRateLimit(db, `group-question-vote:user:${userId}`, rateLimit, (wait) => `You are voting too fast. Try again in ${wait}.`);
  const [row] = await queryRows(db, countRow, voteStatement(userId, questionId, input.upvoted));
  if (!row) throw await refusal(db, userId, questionId);
  return { questionId, upvoted: input.upvoted, upvotes: row.upvotes };
}

export interface SessionQuestionView {
  id: string;
  body: string;
  /** The author's handle, or a generated name until they pick one; never an address. */
  author: string;
  authorHandle: string | null;
  upvotes: number;
  createdAt: Date;
  mine: boolean;
  upvoted: boolean;
}

/** A session's questions, most upvoted first and then oldest first, with the viewer's own votes. */
export async function listQuestions(db: Db, sessionId: string, viewerId: string | null): Promise<SessionQuestionView[]> {
  const rows = await db.sessionQuestion.findMany({
    where: { sessionId },
    orderBy: [{ upvotes: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take: QUESTIONS_LIMIT,
    select: {
      id: true,
      body: true,
      upvotes: true,
      createdAt: true,
      authorId: true,
      author: { select: { handle: true } },
      votes: viewerId ? { where: { userId: viewerId }, select: { userId: true } } : false,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    author: row.author.handle ?? commenterName(row.authorId),
    authorHandle: row.author.handle,
    upvotes: row.upvotes,
    createdAt: row.createdAt,
    mine: row.authorId === viewerId,
    upvoted: (row.votes?.length ?? 0) > 0,
  }));
}
