import { describe, expect, it } from "vitest";
import {
  ARXIV_CATEGORIES,
  archiveOf,
  categoriesUnder,
  categoryName,
  categorySchema,
  currentCategoryOf,
  isKnownCategory,
} from "@/lib/arxiv-taxonomy";

const ARCHIVES = [
  "astro-ph",
  "cond-mat",
  "cs",
  "econ",
  "eess",
  "gr-qc",
  "hep-ex",
  "hep-lat",
  "hep-ph",
  "hep-th",
  "math",
  "math-ph",
  "nlin",
  "nucl-ex",
  "nucl-th",
  "physics",
  "q-bio",
  "q-fin",
  "quant-ph",
  "stat",
];

describe("the arXiv taxonomy", () => {
  it("names categories and archives", () => {
    expect(categoryName("cs.CL")).toBe("Computation and Language");
    expect(categoryName("cs.LG")).toBe("Machine Learning");
    expect(categoryName("cs")).toBe("Computer Science");
    expect(categoryName("hep-th")).toBe("High Energy Physics - Theory");
    expect(categoryName("astro-ph.GA")).toBe("Astrophysics of Galaxies");
    expect(categoryName("cond-mat.str-el")).toBe("Strongly Correlated Electrons");
    expect(categoryName("eess.AS")).toBe("Audio and Speech Processing");
    expect(categoryName("cs.XX")).toBeNull();
    expect(categoryName("toString")).toBeNull();
  });

  it("lists every current archive, each category under a listed archive", () => {
    const archives = new Set(Object.keys(ARXIV_CATEGORIES).map(archiveOf));
    expect([...archives].sort()).toEqual(ARCHIVES);
    for (const archive of ARCHIVES) expect(isKnownCategory(archive), archive).toBe(true);
    // 155 categories (the 9 archives that are categories by themselves among them) and 11 archives of categories.
    expect(Object.keys(ARXIV_CATEGORIES)).toHaveLength(166);
  });

  it("finds a category's archive", () => {
    expect(archiveOf("cs.CL")).toBe("cs");
    expect(archiveOf("hep-th")).toBe("hep-th");
    expect(archiveOf("math.AG")).toBe("math");
    expect(archiveOf("astro-ph.GA")).toBe("astro-ph");
    expect(archiveOf("physics.atom-ph")).toBe("physics");
  });

  it("lists what an archive's page holds: the archive and its categories; a category alone", () => {
    expect(categoriesUnder("eess")).toEqual(["eess", "eess.AS", "eess.IV", "eess.SP", "eess.SY"]);
    expect(categoriesUnder("econ")).toEqual(["econ", "econ.EM", "econ.GN", "econ.TH"]);
    expect(categoriesUnder("hep-th")).toEqual(["hep-th"]);
    expect(categoriesUnder("cs.CL")).toEqual(["cs.CL"]);
    expect(categoriesUnder("cs")).toHaveLength(41);
  });

  it("renames archives arXiv closed to the category that took them over", () => {
    expect(currentCategoryOf("cmp-lg")).toBe("cs.CL");
    expect(currentCategoryOf("solv-int")).toBe("nlin.SI");
    expect(currentCategoryOf("hep-th")).toBe("hep-th");
    expect(currentCategoryOf("cs.XX")).toBe("cs.XX");
  });

  it("validates a category or archive, naming an unknown one", () => {
    expect(categorySchema.parse("cs.CL")).toBe("cs.CL");
    expect(categorySchema.parse("math")).toBe("math");
    const unknown = categorySchema.safeParse("cs.XX");
    expect(unknown.error?.issues.map((issue) => issue.message)).toEqual([
      "unknown arXiv category 'cs.XX'; see https://arxiv.org/category_taxonomy",
    ]);
    expect(categorySchema.safeParse("cs.cl").success).toBe(false);
    expect(categorySchema.safeParse(`cs.${"X".repeat(10_000)}`).error?.issues[0]?.message).toMatch(
      /^unknown arXiv category 'cs\.X{37}…'; see /,
    );
  });
});
