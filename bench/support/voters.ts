// Signed-in readers for the vote benchmarks: sessions for existing users of the seeded database.
import { randomBytes, randomInt } from "node:crypto";
import type pg from "pg";

const VOTERS = 2000;
const TOKEN_PREFIX = "bench-votes-";

export interface Voter {
  userId: string;
  token: string;
}

/** Sessions for the first 2,000 users, and no rate-limit history for their votes. */
export async function prepareVoters(db: pg.Client): Promise<Voter[]> {
  await db.query(`DELETE FROM "Session" WHERE "sessionToken" LIKE $1`, [`${TOKEN_PREFIX}%`]);
  const users = await db.query<{ id: string }>(`SELECT id FROM "User" ORDER BY id LIMIT ${VOTERS}`);
  const voters = users.rows.map((user) => ({ userId: user.id, token: `${TOKEN_PREFIX}${randomBytes(16).toString("hex")}` }));
  await db.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires)
     SELECT gen_random_uuid()::text, token, "userId", now() + interval '1 day' FROM unnest($1::text[], $2::text[]) AS v(token, "userId")`,
    [voters.map((voter) => voter.token), voters.map((voter) => voter.userId)],
  );
  await db.query(`DELETE FROM "RateLimitEvent" WHERE key LIKE 'upvote:user:%'`);
  return voters;
}

export async function removeVoters(db: pg.Client): Promise<void> {
  await db.query(`DELETE FROM "Session" WHERE "sessionToken" LIKE $1`, [`${TOKEN_PREFIX}%`]);
}

/** An upvote or unvote (at random) of a random paper by a random voter, as autocannon sends it. */
export function randomVoteRequest(voters: Voter[], papers: string[], origin: string) {
  return {
    method: (randomInt(2) === 0 ? "POST" : "DELETE") as "POST" | "DELETE",
    path: `/api/papers/${papers[randomInt(papers.length)]}/upvote`,
    headers: { cookie: `next-auth.session-token=${voters[randomInt(voters.length)]!.token}`, origin },
  };
}
