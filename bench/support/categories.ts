// arXiv categories and code links for the benchmark's generated papers, drawn inside PostgreSQL from
// a hash of each paper's id: the same id always gets the same categories, so a fresh `bench:seed`
// and the in-place fill of a database seeded before categories existed give identical data.
// The shape is that of an instance syncing Hugging Face and arXiv cs.*: cs.CV, cs.LG and cs.CL
// hold three fifths of the primaries, a long tail spreads over the rest of the taxonomy (every
// category has some papers, astro-ph.EP about one a week), and cross-lists follow the primary
// (cs.CL with cs.AI and cs.LG, cs.RO with cs.CV and eess.SY, aliases such as math.ST and stat.TH
// together). ~2.3 categories a paper. The categories are independent of the paper's text (titles and
// abstracts come from a small real corpus).
import type pg from "pg";
import { ARXIV_CATEGORIES, archiveOf, categoriesUnder, type ArxivCategory } from "@/lib/arxiv-taxonomy";

/** Share of primaries in percent; every other category of the taxonomy shares what is left equally. */
const PRIMARY_WEIGHTS: Partial<Record<ArxivCategory, number>> = {
  "cs.CV": 22,
  "cs.LG": 20,
  "cs.CL": 18,
  "cs.AI": 8,
  "cs.RO": 5,
  "stat.ML": 3,
  "cs.CR": 1.5,
  "cs.IR": 1.4,
  "cs.SE": 1.3,
  "cs.HC": 1.1,
  "eess.IV": 1.1,
  "cs.SD": 0.8,
  "eess.AS": 0.8,
  "eess.SP": 0.7,
  "cs.NE": 0.6,
  "cs.DC": 0.6,
  "cs.GR": 0.6,
  "cs.CY": 0.6,
  "math.OC": 0.6,
  "cs.MA": 0.5,
  "eess.SY": 0.5,
  "quant-ph": 0.4,
  "cs.DB": 0.3,
  "cs.NI": 0.3,
  "cs.IT": 0.3,
  "cs.DS": 0.3,
  "cs.GT": 0.3,
  "cs.SI": 0.3,
  "cs.MM": 0.3,
  "q-bio.QM": 0.3,
  "q-bio.BM": 0.3,
  "q-bio.NC": 0.3,
  "stat.ME": 0.3,
  "cs.PL": 0.2,
  "cs.LO": 0.2,
  "cs.AR": 0.2,
  "cs.CE": 0.2,
  "physics.comp-ph": 0.2,
  "physics.chem-ph": 0.2,
  "cond-mat.mtrl-sci": 0.2,
  "stat.AP": 0.2,
  "math.NA": 0.2,
  "math.ST": 0.2,
};

const DEFAULT_CROSS: Partial<Record<ArxivCategory, number>> = {
  "cs.LG": 35,
  "cs.AI": 30,
  "cs.CV": 10,
  "cs.CL": 10,
  "stat.ML": 8,
  "cs.CY": 4,
  "cs.HC": 3,
};

/** Cross-list weights by primary (relative); a primary not named here draws from DEFAULT_CROSS. */
const CROSS_WEIGHTS: Partial<Record<ArxivCategory, Partial<Record<ArxivCategory, number>>>> = {
  "cs.CV": { "cs.LG": 35, "cs.AI": 25, "eess.IV": 12, "cs.CL": 8, "cs.GR": 6, "cs.RO": 6, "cs.MM": 3, "stat.ML": 3, "cs.HC": 2 },
  "cs.LG": {
    "stat.ML": 30,
    "cs.AI": 30,
    "cs.CL": 8,
    "cs.CV": 8,
    "math.OC": 6,
    "cs.DC": 4,
    "cs.NE": 4,
    "cs.CR": 3,
    "cs.IR": 3,
    "q-bio.QM": 2,
    "physics.comp-ph": 2,
  },
  "cs.CL": { "cs.AI": 45, "cs.LG": 35, "cs.IR": 6, "cs.CV": 5, "cs.HC": 3, "cs.CY": 2, "cs.SD": 2, "eess.AS": 2 },
  "cs.AI": { "cs.LG": 40, "cs.CL": 25, "cs.CV": 8, "cs.MA": 8, "cs.RO": 6, "cs.HC": 4, "cs.LO": 3, "cs.SE": 3, "cs.CY": 3 },
  "cs.RO": { "cs.AI": 25, "cs.CV": 25, "cs.LG": 25, "eess.SY": 10, "cs.SY": 10, "cs.HC": 3, "cs.MA": 2 },
  "stat.ML": { "cs.LG": 70, "stat.ME": 10, "cs.AI": 5, "math.OC": 5, "math.ST": 5, "stat.TH": 5 },
  "cs.SD": { "eess.AS": 60, "cs.LG": 20, "cs.CL": 15, "cs.AI": 5 },
  "eess.AS": { "cs.SD": 60, "cs.CL": 20, "cs.LG": 15, "cs.AI": 5 },
  "eess.IV": { "cs.CV": 60, "cs.LG": 25, "cs.AI": 10, "physics.med-ph": 5 },
};

/** arXiv lists a paper under both names of an alias: the second is (almost) always drawn. */
const ALIASES: [ArxivCategory, ArxivCategory][] = [
  ["eess.SY", "cs.SY"],
  ["cs.IT", "math.IT"],
  ["math.ST", "stat.TH"],
  ["math.NA", "cs.NA"],
  ["math-ph", "math.MP"],
  ["econ.GN", "q-fin.EC"],
];
const ALIAS_WEIGHT = 1e9;

/** How many categories a paper has (primary included): 1 to 5, mean 2.29. */
const COUNT_SHARES = [0.27, 0.35, 0.24, 0.1, 0.04];

/** The share of papers with a GitHub repository, and (independently) with a project page: ~38 % have either. */
const GITHUB_SHARE = 0.3;
const PROJECT_PAGE_SHARE = 0.12;

/** Categories a paper can be listed in: every category, and every archive that is a category by itself (hep-th). */
export function paperCategories(): ArxivCategory[] {
  return (Object.keys(ARXIV_CATEGORIES) as ArxivCategory[]).filter((id) => archiveOf(id) !== id || categoriesUnder(id).length === 1);
}

/** Each category's share of primaries, in percent, summing to 100. */
export function primaryShares(): Map<ArxivCategory, number> {
  const all = paperCategories();
  const named = Object.values(PRIMARY_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
  const rest = all.filter((id) => PRIMARY_WEIGHTS[id] === undefined);
  if (named >= 100) throw new Error("PRIMARY_WEIGHTS leave nothing for the long tail");
  return new Map(all.map((id) => [id, PRIMARY_WEIGHTS[id] ?? (100 - named) / rest.length]));
}

function crossRows(): [string, string, number][] {
  const rows = new Map<string, number>();
  for (const primary of paperCategories()) {
    for (const [cross, weight] of Object.entries(CROSS_WEIGHTS[primary] ?? DEFAULT_CROSS)) {
      if (cross !== primary) rows.set(`${primary}\t${cross}`, weight);
    }
  }
  for (const [a, b] of ALIASES) {
    rows.set(`${a}\t${b}`, ALIAS_WEIGHT);
    rows.set(`${b}\t${a}`, ALIAS_WEIGHT);
  }
  return [...rows].map(([key, weight]) => {
    const [primary, cross] = key.split("\t") as [string, string];
    return [primary, cross, weight];
  });
}

/**
 * Creates, for this session only (pg_temp), `pg_temp.bench_categories(id)`: the paper's categories,
 * primary first, and `pg_temp.bench_unit(id, salt)`: a number in (0, 1) from the id's hash, and
 * `pg_temp.bench_github(id)` / `pg_temp.bench_project_page(id)`: its code links or NULL.
 */
export async function createCategoryFunctions(db: pg.Client): Promise<void> {
  const shares = primaryShares();
  const primaries = [...shares.keys()];
  const bounds: number[] = [];
  let cumulative = 0;
  for (const id of primaries) {
    bounds.push(cumulative / 100);
    cumulative += shares.get(id)!;
  }
  const countBounds = COUNT_SHARES.map((_, index) => COUNT_SHARES.slice(0, index).reduce((sum, share) => sum + share, 0));
  await db.query(`CREATE TEMP TABLE IF NOT EXISTS bench_cross (primary_cat text, cat text, weight float8)`);
  await db.query(`TRUNCATE bench_cross`);
  await db.query(`INSERT INTO bench_cross SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(primary_cat text, cat text, weight float8)`, [
    JSON.stringify(crossRows().map(([primary_cat, cat, weight]) => ({ primary_cat, cat, weight }))),
  ]);
  await db.query(`CREATE INDEX IF NOT EXISTS bench_cross_primary ON bench_cross (primary_cat)`);
  await db.query(`ANALYZE bench_cross`);
  // 2^53: the hash's low 53 bits as a double, uniform in (0, 1).
  await db.query(`CREATE OR REPLACE FUNCTION pg_temp.bench_unit(id text, salt bigint) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashtextextended(id, salt) & 9007199254740991)::float8 + 0.5) / 9007199254740992 $$`);
  // The primary by the cumulative shares (width_bucket: a binary search), then k - 1 cross-lists of
  // that primary drawn without replacement by weight (Efraimidis-Spirakis: the smallest -ln(u)/w).
  await db.query(`CREATE OR REPLACE FUNCTION pg_temp.bench_categories(id text) RETURNS text[]
    LANGUAGE sql STABLE
    AS $$
      SELECT primary_cat || ARRAY(
        SELECT x.cat FROM bench_cross x WHERE x.primary_cat = chosen.primary_cat
        ORDER BY -ln(pg_temp.bench_unit(id || ' ' || x.cat, 3)) / x.weight, x.cat
        LIMIT width_bucket(pg_temp.bench_unit(id, 2), ${literalArray(countBounds)}::float8[]) - 1)
      FROM (SELECT (${literalArray(primaries)}::text[])[width_bucket(pg_temp.bench_unit(id, 1), ${literalArray(bounds)}::float8[])]
        AS primary_cat) chosen
    $$`);
  await db.query(`CREATE OR REPLACE FUNCTION pg_temp.bench_github(id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN pg_temp.bench_unit(id, 4) < ${GITHUB_SHARE}
      THEN 'https://github.com/bench-lab-' || (hashtextextended(id, 6) & 511) || '/' || replace(replace(id, '.', '-'), '/', '-') END $$`);
  await db.query(`CREATE OR REPLACE FUNCTION pg_temp.bench_project_page(id text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN pg_temp.bench_unit(id, 5) < ${PROJECT_PAGE_SHARE}
      THEN 'https://bench-lab.github.io/' || replace(id, '/', '-') END $$`);
}

function literalArray(values: (string | number)[]): string {
  const items = values.map((value) => (typeof value === "number" ? String(value) : `"${value}"`));
  return `'{${items.join(",")}}'`;
}

/** Stars for a paper with a GitHub repository: a power law, most under 100. */
export const GITHUB_STARS_SQL = (id: string) => `floor(power(pg_temp.bench_unit(${id}, 7), 4) * 5000)::int`;

/** One line on what the papers hold: categories a paper, the largest primaries, the share with code. */
export async function describeCategories(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ average: number; withCode: number; papers: number }>(
    `SELECT avg(cardinality(categories))::float8 AS average, count(*)::int AS papers,
       (count(*) FILTER (WHERE "githubRepo" IS NOT NULL OR "projectPage" IS NOT NULL))::float8 / greatest(count(*), 1) AS "withCode"
     FROM "Paper"`,
  );
  const top = await db.query<{ category: string; share: number }>(
    `SELECT categories[1] AS category, count(*)::float8 / sum(count(*)) OVER () AS share FROM "Paper" GROUP BY 1 ORDER BY 2 DESC LIMIT 6`,
  );
  const { average, withCode } = rows[0]!;
  const primaries = top.rows.map((row) => `${row.category} ${(100 * row.share).toFixed(1)} %`).join(", ");
  return `${average.toFixed(2)} categories a paper; primaries ${primaries}; ${(100 * withCode).toFixed(1)} % with a GitHub repository or project page`;
}
