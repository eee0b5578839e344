// `npm run bench:for-you`: the for-you feed of a reader with 200 follows and mutes on the seeded
// benchmark database: times getForYouPapers (first call and p50 of the next ones) and prints the
// statement's EXPLAIN (ANALYZE, BUFFERS), to show it stays index-driven at a million papers.
import pg from "pg";
import { env } from "@/env";
import { MAX_FOLLOWS } from "@/lib/follows";
import { createDb } from "@/server/db";
import { forYouQuery, getForYouPapers } from "@/server/follows/follows";
import { getLatestFeedDate } from "@/server/papers/feed";
import { benchDatabaseUrl } from "./support/database";
import { percentile } from "./support/load";
import { migrate } from "../scripts/lib/database";

const READER = "bench-for-you@example.com";
// The follow mix of a broad reader: many labs and people, a few dozen topics, some mutes.
const ORGANIZATIONS = 70;
const AUTHORS = 80;
const TOPICS = [
  "diffusion",
  "reinforcement learning",
  "retrieval augmented generation",
  "speech recognition",
  "graph neural network",
  "protein",
  "robot manipulation",
  "video generation",
  "code generation",
  "mixture of experts",
  "quantization",
  "federated learning",
  "medical imaging",
  "autonomous driving",
  "time series",
  "knowledge distillation",
  "multilingual",
  "benchmark",
  "agents",
  "reasoning",
  "vision language",
  "3d reconstruction",
  "neural rendering",
  "tokenizer",
  "long context",
  "alignment",
  "hallucination",
  "optimization",
  "sparse attention",
  "music",
  "weather forecasting",
  "theorem proving",
  "recommendation",
  "privacy",
  "watermarking",
  "world model",
  "embodied",
  "segmentation",
  "question answering",
  "scaling law",
];
const MUTED_TOPICS = [
  "survey",
  "position paper",
  "workshop",
  "cryptocurrency",
  "blockchain",
  "poetry",
  "sports",
  "fashion",
  "tourism",
  "gaming",
];

async function main() {
  if (!env.DATABASE_URL) throw new Error("Run through `npm run bench:for-you`, which provides DATABASE_URL.");
  const url = benchDatabaseUrl(env.DATABASE_URL);
  await migrate(url);
  const db = createDb(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const latest = await getLatestFeedDate(db);
    if (!latest) throw new Error("The benchmark database is empty: run `npm run bench:seed` first.");
    const now = new Date(`${latest}T12:00:00Z`);
    const user = await db.user.upsert({ where: { email: READER }, create: { email: READER }, update: {}, select: { id: true } });
    await db.follow.deleteMany({ where: { userId: user.id } });

    const organizations = await db.organization.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: ORGANIZATIONS });
    const authorRows = await client.query<{ author: string }>(
      `SELECT DISTINCT unnest(authors[1:2]) AS author FROM "Paper" WHERE "feedDate" = $1::date LIMIT ${AUTHORS}`,
      [latest],
    );
    const follows = [
      ...organizations.map(({ name }) => ({ kind: "ORGANIZATION" as const, value: name, muted: false })),
      ...authorRows.rows.map(({ author }) => ({ kind: "AUTHOR" as const, value: author, muted: false })),
      ...TOPICS.map((value) => ({ kind: "TOPIC" as const, value, muted: false })),
      ...MUTED_TOPICS.map((value) => ({ kind: "TOPIC" as const, value, muted: true })),
    ].slice(0, MAX_FOLLOWS);
    await db.follow.createMany({ data: follows.map((follow) => ({ ...follow, userId: user.id })) });
    const papers = await db.paper.count();
    console.log(
      `${papers.toLocaleString("en-US")} papers; reader with ${follows.length} follows and mutes ` +
        `(${organizations.length} organizations, ${authorRows.rows.length} authors, ${TOPICS.length} topics, ${MUTED_TOPICS.length} muted topics); feed of the 7 days to ${latest}`,
    );

    const timings: number[] = [];
    let shown = 0;
    for (let run = 0; run < 11; run += 1) {
      const started = performance.now();
      shown = (await getForYouPapers(db, user.id, now)).length;
      timings.push(performance.now() - started);
    }
    const [first, ...rest] = timings;
    console.log(
      `getForYouPapers: ${shown} papers; first call ${first!.toFixed(0)} ms, then p50 ${percentile(rest, 50).toFixed(0)} ms, max ${Math.max(...rest).toFixed(0)} ms`,
    );

    const query = forYouQuery(user.id, now);
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
    console.log("\nEXPLAIN (ANALYZE, BUFFERS) of the for-you statement:");
    for (const row of plan.rows) console.log(row["QUERY PLAN"]);
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
