import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_CATEGORIES, setCategories } from "./categories";
import { signInAs } from "./session";

// One address per page type, signed out, and the pages that differ for a signed-in reader.
const PAGES = [
  "/",
  "/papers/date/2026-06-10",
  "/papers/date/2026-06-16?not=cs.CV&code=1",
  "/papers/week/2026-W24",
  "/papers/month/2026-06",
  "/papers/month/2099-01",
  "/papers/trending",
  "/papers/category/cs.CL",
  "/papers/category/cs.CL?not=cs.CV",
  "/papers/category/cs/week/2026-W25",
  "/papers/category/cs.CL/trending",
  "/papers/category/astro-ph.EP",
  "/papers/category/xx.YY",
  "/papers/keyword/vision-language%20model",
  "/papers/keyword/vision-language%20model/month/2026-06",
  "/papers/keyword/vision-language%20model?cat=cs.CV",
  "/papers/2606.11176",
  "/papers/similar/2606.11176",
  "/papers?q=multimodal",
  "/papers?q=zzyzx%209999.99999",
  "/papers",
  "/papers/9999.99999",
  "/orgs/no-such-lab",
  "/about/ranking",
  "/api/docs",
  "/groups",
  "/groups/no-such-group",
  "/discussions",
  "/moderation",
  "/submit",
  "/subscribe",
  "/auth/signin",
  "/auth/verify-request",
  "/auth/error?error=Verification",
];

const SIGNED_IN_PAGES = [
  "/",
  "/papers/2606.11176",
  "/papers/category/cs.CL",
  "/papers/date/2026-06-16?not=cs.CV",
  "/me",
  "/me/library",
  "/papers/for-you",
  "/groups",
  "/groups/new",
  "/submit",
  "/subscribe",
];

// Category chips on cards and paper pages, and category pages with papers to list.
let restoreCategories: () => Promise<void>;
test.beforeAll(async () => {
  restoreCategories = await setCategories(E2E_CATEGORIES);
});
test.afterAll(async () => {
  await restoreCategories();
});

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 740 },
] as const;

async function organizationPath(page: Page): Promise<string> {
  const response = await page.request.get("/api/daily_papers?date=2026-06-10&limit=100");
  const items = (await response.json()) as { paper: { organization?: { name: string } } }[];
  const name = items.find((item) => item.paper.organization)?.paper.organization?.name;
  expect(name, "the fixtures hold a paper with an organization").toBeTruthy();
  return `/orgs/${encodeURIComponent(name!)}`;
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ""}`,
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of VIEWPORTS) {
    test(`no WCAG 2.1 A/AA (and 2.2 AA) violations on any page type: ${colorScheme} mode, ${viewport.name} (${viewport.width} px)`, async ({
      page,
      baseURL,
    }) => {
      // Some forty pages in turn, axe on each; the first test also warms the server up.
      test.setTimeout(300_000);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.emulateMedia({ colorScheme });
      const found: string[] = [];
      async function check(path: string, who: string) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        found.push(...describeViolations(violations).map((line) => `${path} (${who}): ${line}`));
      }
      for (const path of [...PAGES, await organizationPath(page)]) await check(path, "signed out");
      await signInAs(page.context(), baseURL!, `axe-${colorScheme}-${viewport.name}@example.com`);
      for (const path of SIGNED_IN_PAGES) await check(path, "signed in");
      await expect(page.getByTestId("user-menu")).toBeVisible();
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}
