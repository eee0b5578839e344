// `npm run eval:recs [-- --saved <n>] [--theme <name>]`: the offline evaluation of the learned
// "For you" ranking (issue 23) on the bundled demo days. Simulated readers keep the papers of one research theme up
// to a day, then three rankings of the next 7 days are scored against that theme's papers in them:
// the learned model (src/lib/recs), today's rule-based for-you with one topic follow, and trending.
// Method and numbers: docs/recommendations.md. The same data gives the same numbers on every run.
//
// PostgreSQL only matches the topic follows, exactly as the app does (no tables); the server is
// acquired here rather than through scripts/run.ts so that its "stopping" line cannot come after
// the summary, which must be the last line.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { daysBetween, fromIsoDate } from "@/lib/dates";
import { countOf } from "@/lib/plural";
import { rankByTrending } from "@/lib/ranking";
import {
  endOfDay,
  isAboutTheme,
  mean,
  ndcgAt,
  precisionAt,
  rollingSplits,
  sampleOf,
  seededRandom,
  seedOf,
  type Split,
} from "@/lib/recs/evaluation";
import { bucketModel, packedMargin, packVector } from "@/lib/recs/packed";
import { rankCandidates } from "@/lib/recs/rank";
import { MIN_POSITIVES, trainReaderModel } from "@/lib/recs/reader-training";
import { paperTermCounts } from "@/lib/recs/terms";
import { tfidfVector, type SparseVector } from "@/lib/recs/vector";
import { parseDailyPapers } from "@/server/ingest/hf-daily-papers";
import type { PaperRecord } from "@/server/ingest/paper-record";
import { describeArgumentError } from "./lib/argument-error";
import { acquireDatabaseServer } from "./lib/database";
import { PROJECT_ROOT } from "./lib/project-root";

const DEMO_FOLDER = join(PROJECT_ROOT, "prisma", "demo");

/**
 * Research themes as a reader would name them: `pattern` decides which papers are about the theme
 * (isAboutTheme), `follow` is the one topic such a reader would follow in today's for-you.
 */
const THEMES = [
  { name: "diffusion", pattern: /\bdiffusion\b|\bdenois\w*|score-based|flow[- ]matching/i, follow: "diffusion" },
  {
    name: "robotics",
    pattern: /\brobot\w*|\bembodied|\bmanipulation\b|\blocomotion|\bhumanoid|vision-language-action|\bVLAs?\b/i,
    follow: "robot",
  },
  { name: "speech & audio", pattern: /\bspeech|\baudio|\bASR\b|\bTTS\b|text-to-speech|\bspoken|\bvoice|\bmusic/i, follow: "speech" },
  { name: "theorem proving", pattern: /theorem|autoformali|formal proof|formal verification|\bLean 4\b/i, follow: "theorem proving" },
  { name: "agents", pattern: /\bagent(s|ic)?\b|tool[- ]use|tool calling|function calling/i, follow: "agent" },
  { name: "video", pattern: /\bvideos?\b/i, follow: "video" },
  { name: "3D", pattern: /\b3D\b|gaussian splatting|\bNeRFs?\b|\bmesh(es)?\b|point clouds?/i, follow: "3D" },
  {
    name: "code",
    pattern:
      /code generation|\bcoding\b|software engineering|program synthesis|\bSWE-|repository-level|\bcode (llm|model|agent|repair|completion|reasoning)s?\b|\bprogramming\b/i,
    follow: "code generation",
  },
  {
    name: "reinforcement learning",
    pattern: /reinforcement learning|\bRLHF\b|\bRLVR\b|reward model|\bGRPO\b|\bPPO\b|policy optimization/i,
    follow: "reinforcement learning",
  },
  { name: "vision-language", pattern: /vision-language|\bmultimodal|multi-modal|\bVLMs?\b|\bMLLMs?\b/i, follow: "multimodal" },
  { name: "safety", pattern: /\bsafety\b|\bsafe\b|\bunsafe\b|jailbreak|red[- ]teaming|\bharmful\b|misalign|guardrail/i, follow: "safety" },
  { name: "retrieval", pattern: /\bretriev\w*|\bRAG\b/i, follow: "retrieval" },
] as const;

type Theme = (typeof THEMES)[number];

/** For-you's window: the 7 days up to its clock (src/server/follows/follows.ts). */
const WINDOW_DAYS = 7;
const K = 10;
/** Papers the simulated reader saves by default: a week or two of keeping what interests them. */
const DEFAULT_SAVED = 15;
/** Papers the reader saw and did not keep. */
const MAX_BACKGROUND = 200;
/** A theme needs this many papers before a split for its reader to save (and never fewer than a model needs). */
const MIN_TO_SAVE = Math.max(5, MIN_POSITIVES);
/** Fewer held-out papers than this make P@10 and nDCG@10 mostly noise. */
const MIN_RELEVANT = 3;

const USAGE = `Usage: npm run eval:recs [-- --saved <n>] [--theme <name>]
  --saved   papers each simulated reader saves, at most (default ${DEFAULT_SAVED}, at least ${MIN_POSITIVES}: fewer get no model)
  --theme   evaluate one theme only: ${THEMES.map((theme) => `"${theme.name}"`).join(", ")}`;

const argsSchema = z.object({
  saved: z.coerce
    .number("must be a number")
    .int("must be a whole number")
    .min(MIN_POSITIVES, `must be at least ${MIN_POSITIVES}: a reader with fewer positives gets no model`)
    .max(500, "must be at most 500")
    .default(DEFAULT_SAVED),
  theme: z.enum(THEMES.map((theme) => theme.name) as [Theme["name"], ...Theme["name"][]], "is not a theme of this evaluation").optional(),
});

interface VectorizedPaper {
  record: PaperRecord;
  vector: SparseVector;
}

const log = (message: string) => console.log(`[eval] ${message}`);

/** Every demo paper once: a paper listed on two days keeps its later day, as the import does. */
async function loadDemoPapers(): Promise<PaperRecord[]> {
  const names = (await readdir(DEMO_FOLDER)).filter((name) => name.endsWith(".json")).sort();
  const byId = new Map<string, PaperRecord>();
  for (const name of names) {
    const parsed = parseDailyPapers(JSON.parse(await readFile(join(DEMO_FOLDER, name), "utf8")), name.slice(0, 10));
    if (parsed.problems.length > 0) log(`${name}: skipped ${parsed.problems.length} items the importer would skip too`);
    for (const record of parsed.records) {
      const seen = byId.get(record.id);
      if (!seen || record.feedDate >= seen.feedDate) byId.set(record.id, record);
    }
  }
  return [...byId.values()].sort((a, b) => (a.feedDate < b.feedDate ? -1 : a.feedDate > b.feedDate ? 1 : a.id < b.id ? -1 : 1));
}

/** Each paper's tf-idf vector, with document frequencies over the whole corpus (the instance's papers). */
function vectorize(records: readonly PaperRecord[]): VectorizedPaper[] {
  const counts = records.map((record) => paperTermCounts(record));
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return records.map((record, index) => ({
    record,
    vector: tfidfVector(counts[index]!, (term) => documentFrequency.get(term) ?? 0, records.length),
  }));
}

/**
 * The ids of the papers each topic follow matches, decided by PostgreSQL as for-you decides it:
 * the paper's search vector (the trigger in prisma/migrations/…_init) against
 * websearch_to_tsquery('english', topic) (src/server/follows/follow-match.ts).
 */
async function topicMatches(
  client: pg.Client,
  records: readonly PaperRecord[],
  topics: readonly string[],
): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ topic: string; id: string }>(
    `SELECT f.topic, p.id
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(id, title, authors, abstract),
       unnest($5::text[]) AS f(topic)
     WHERE (setweight(to_tsvector('english', p.title), 'A') || setweight(to_tsvector('simple', p.authors), 'B')
         || setweight(to_tsvector('english', p.abstract), 'C')) @@ websearch_to_tsquery('english', f.topic)`,
    [
      records.map((record) => record.id),
      records.map((record) => record.title),
      records.map((record) => record.authors.join(" ")),
      records.map((record) => record.abstract),
      topics,
    ],
  );
  const matches = new Map(topics.map((topic) => [topic, new Set<string>()]));
  for (const row of rows) matches.get(row.topic)!.add(row.id);
  return matches;
}

async function matchFollows(records: readonly PaperRecord[], topics: readonly string[]) {
  const server = await acquireDatabaseServer((message) => console.log(`[db] ${message}`));
  try {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      return await topicMatches(client, records, topics);
    } finally {
      await client.end();
    }
  } finally {
    await server.release();
  }
}

/** Trending order as of the window's end (src/lib/ranking.ts, the formula of feedOrderSql). */
function trendingOrder(papers: readonly VectorizedPaper[], now: Date): string[] {
  const items = papers.map(({ record }) => ({
    id: record.id,
    upvotes: record.upstreamUpvotes,
    addedAt: record.submittedAt ?? fromIsoDate(record.feedDate),
  }));
  return rankByTrending(items, now).map((item) => item.id);
}

interface Scores {
  precision: number;
  ndcg: number;
}

const RANKINGS = ["learned", "rules", "trending"] as const;
type Ranking = (typeof RANKINGS)[number];

interface SplitResult {
  relevant: number;
  scores: Record<Ranking, Scores>;
}

/** Why a split could not be evaluated for a theme. */
type SplitSkipped = "too few to save" | "too few held out";

/** One simulated reader: keeps the theme's papers up to the split, is shown the next 7 days three ways. */
function evaluateSplit(
  theme: Theme,
  split: Split,
  papers: readonly VectorizedPaper[],
  about: ReadonlySet<string>,
  followed: ReadonlySet<string>,
  maxSaved: number,
): SplitResult | SplitSkipped {
  const training = papers.filter(({ record }) => record.feedDate <= split.trainingEnd);
  const window = papers.filter(({ record }) => record.feedDate > split.trainingEnd && record.feedDate <= split.windowEnd);
  const onTheme = training.filter(({ record }) => about.has(record.id));
  const relevant = new Set(window.filter(({ record }) => about.has(record.id)).map(({ record }) => record.id));
  if (onTheme.length < MIN_TO_SAVE) return "too few to save";
  if (relevant.size < MIN_RELEVANT) return "too few held out";

  const random = seededRandom(seedOf(`${theme.name} ${split.trainingEnd}`));
  const saved = sampleOf(onTheme, maxSaved, random);
  const skipped = sampleOf(
    training.filter(({ record }) => !about.has(record.id)),
    MAX_BACKGROUND,
    random,
  );
  // Never null: at least MIN_TO_SAVE papers to save and --saved >= MIN_POSITIVES.
  const model = trainReaderModel({
    positives: saved.map(({ vector }) => vector),
    hidden: [],
    lessLikeThis: [],
    background: skipped.map(({ vector }) => vector),
  })!;
  const bucketed = bucketModel(model);
  const candidates = window.map(({ record, vector }) => ({
    id: record.id,
    // Packed and scored as the app scores stored vectors (src/lib/recs/packed.ts).
    packed: packVector(vector),
    ageDays: daysBetween(record.feedDate, split.windowEnd),
    upvotes: record.upstreamUpvotes,
  }));
  // The rule-based for-you shows only the papers its follows match (src/server/follows/follows.ts).
  const now = endOfDay(split.windowEnd);
  const orders: Record<Ranking, string[]> = {
    learned: rankCandidates(candidates, (candidate) => packedMargin(bucketed, candidate.packed)).map(({ candidate }) => candidate.id),
    rules: trendingOrder(
      window.filter(({ record }) => followed.has(record.id)),
      now,
    ),
    trending: trendingOrder(window, now),
  };
  const scores = Object.fromEntries(
    RANKINGS.map((ranking) => [
      ranking,
      { precision: precisionAt(orders[ranking], relevant, K), ndcg: ndcgAt(orders[ranking], relevant, K) },
    ]),
  ) as Record<Ranking, Scores>;
  return { relevant: relevant.size, scores };
}

const averageScores = (results: readonly { scores: Record<Ranking, Scores> }[], ranking: Ranking): Scores => ({
  precision: mean(results.map((result) => result.scores[ranking].precision)),
  ndcg: mean(results.map((result) => result.scores[ranking].ndcg)),
});

const fixed = (value: number) => value.toFixed(3);

/** A theme's line of the table: its splits' scores averaged. */
interface ThemeRow {
  theme: Theme;
  splits: number;
  /** Held-out papers of the theme per test window, on average. */
  relevant: number;
  scores: Record<Ranking, Scores>;
}

function printTable(rows: readonly ThemeRow[]) {
  const header = [
    "theme".padEnd(24),
    "follow".padEnd(24),
    "splits",
    "relevant",
    ...RANKINGS.map((ranking) => `${ranking} P@10 nDCG@10`.padStart(22)),
  ];
  console.log(header.join("  "));
  for (const row of rows) {
    const cells = RANKINGS.map((ranking) => `${fixed(row.scores[ranking].precision)}   ${fixed(row.scores[ranking].ndcg)}`.padStart(22));
    const follow = `"${row.theme.follow}"`;
    console.log(
      [row.theme.name.padEnd(24), follow.padEnd(24), String(row.splits).padStart(6), row.relevant.toFixed(1).padStart(8), ...cells].join(
        "  ",
      ),
    );
  }
}

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { saved: { type: "string" }, theme: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return null;
  return argsSchema.parse({ saved: values.saved, theme: values.theme });
}

async function main(): Promise<number> {
  let args: z.infer<typeof argsSchema> | null;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${describeArgumentError(error)}\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const themes = THEMES.filter((theme) => !args.theme || theme.name === args.theme);

  const records = await loadDemoPapers();
  const papers = vectorize(records);
  const days = [...new Set(records.map((record) => record.feedDate))];
  const splits = rollingSplits(days, WINDOW_DAYS);
  log(
    `${papers.length} papers over ${days.length} days; ${splits.length} splits, training through ${splits[0]?.trainingEnd} … ${splits.at(-1)?.trainingEnd}`,
  );
  const followed = await matchFollows(
    records,
    themes.map((theme) => theme.follow),
  );
  log(`Matched ${themes.length} topic follows in PostgreSQL`);

  const rows: ThemeRow[] = [];
  for (const theme of themes) {
    const about = new Set(records.filter((record) => isAboutTheme(theme.pattern, record)).map((record) => record.id));
    const outcomes = splits.map((split) => evaluateSplit(theme, split, papers, about, followed.get(theme.follow)!, args.saved));
    const results = outcomes.filter((outcome) => typeof outcome !== "string");
    const skipped = (reason: SplitSkipped) => outcomes.filter((outcome) => outcome === reason).length;
    const reasons = [
      skipped("too few to save") > 0
        ? `${skipped("too few to save")} with fewer than ${MIN_TO_SAVE} of its papers to save before them`
        : "",
      skipped("too few held out") > 0 ? `${skipped("too few held out")} with fewer than ${MIN_RELEVANT} in their test window` : "",
    ].filter(Boolean);
    log(
      `${theme.name}: ${about.size} papers about it; ${results.length} of ${splits.length} splits evaluated${reasons.length > 0 ? ` (skipped: ${reasons.join(", ")})` : ""}`,
    );
    if (results.length === 0) {
      log(`${theme.name}: left out of the table and the averages`);
      continue;
    }
    rows.push({
      theme,
      splits: results.length,
      relevant: mean(results.map((result) => result.relevant)),
      scores: Object.fromEntries(RANKINGS.map((ranking) => [ranking, averageScores(results, ranking)])) as Record<Ranking, Scores>,
    });
  }
  if (rows.length === 0) {
    console.error("No theme had enough papers to evaluate.");
    return 1;
  }

  console.log("");
  printTable(rows);
  const averages = RANKINGS.map((ranking) => {
    const { precision, ndcg } = averageScores(rows, ranking);
    return `${ranking} P@10=${fixed(precision)} nDCG@10=${fixed(ndcg)}`;
  });
  console.log(`\nAverages over ${countOf(rows.length, "theme", "themes")} (each theme's splits averaged first):`);
  console.log(averages.join(" | "));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[eval] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
