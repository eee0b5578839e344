import { addDays, fromIsoDate } from "@/lib/dates";

// The pure parts of the offline evaluation (`npm run eval:recs`, docs/recommendations.md): the
// ranking metrics, the seeded sampling that makes every run give the same numbers, the theme test
// that decides which papers a simulated reader keeps, and the rolling train/test splits.

/** The share of the first k places held by relevant papers; empty places count as misses. */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

const discount = (position: number) => 1 / Math.log2(position + 2);

/**
 * Normalised discounted cumulative gain with binary relevance: a relevant paper at place i
 * (0-based) gains 1 / log2(i + 2), divided by the gain of the best order, which puts
 * min(k, |relevant|) relevant papers first. 0 when nothing is relevant.
 */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let gain = 0;
  ranked.slice(0, k).forEach((id, position) => {
    if (relevant.has(id)) gain += discount(position);
  });
  let idealGain = 0;
  for (let position = 0; position < Math.min(k, relevant.size); position++) idealGain += discount(position);
  return idealGain === 0 ? 0 : gain / idealGain;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** A 32-bit seed from a text (FNV-1a), so each (theme, split) draws its own reproducible sample. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** Uniform numbers in [0, 1) from a seed (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Up to `count` distinct items drawn uniformly (a partial Fisher-Yates shuffle), in draw order. */
export function sampleOf<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const drawn = Math.min(count, pool.length);
  for (let index = 0; index < drawn; index++) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, drawn);
}

/**
 * A paper is about a theme when its title matches the theme's pattern or its abstract does at
 * least twice: one passing mention ("unlike video models, ...") does not make a paper a reader of
 * the theme would keep.
 */
export function isAboutTheme(pattern: RegExp, paper: { title: string; abstract: string }): boolean {
  const everyMatch = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  return everyMatch.test(paper.title) || [...paper.abstract.matchAll(everyMatch)].length >= 2;
}

export interface Split {
  /** The last training day: the reader's signals come from this day and the days before. */
  trainingEnd: string;
  /** The test window is the days after trainingEnd up to and including windowEnd. */
  windowEnd: string;
}

const isWeekday = (isoDate: string) => fromIsoDate(isoDate).getUTCDay() % 6 !== 0;

/**
 * A split after each recorded day whose next `windowDays` calendar days have every weekday
 * recorded (Hugging Face's daily lists are weekday lists), so no test window is cut short by the
 * end of the data or a gap in it.
 */
export function rollingSplits(recordedDays: readonly string[], windowDays: number): Split[] {
  const recorded = new Set(recordedDays);
  return [...recorded].sort().flatMap((trainingEnd) => {
    const windowEnd = addDays(trainingEnd, windowDays);
    for (let day = addDays(trainingEnd, 1); day <= windowEnd; day = addDays(day, 1)) {
      if (isWeekday(day) && !recorded.has(day)) return [];
    }
    return [{ trainingEnd, windowEnd }];
  });
}

/** The end of a `YYYY-MM-DD` day (UTC): the clock the test window's trending order is computed at. */
export function endOfDay(isoDate: string): Date {
  return new Date(fromIsoDate(addDays(isoDate, 1)).getTime() - 1);
}
