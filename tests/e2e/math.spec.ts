import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type katex from "katex";
import { signInAs, withDatabase } from "./session";

const PAPER_ID = "2606.10804";
const require = createRequire(import.meta.url);
// KaTeX's own files as the package ships them: the reference a comment's math is compared with.
const KATEX_DIST = join(dirname(require.resolve("katex/package.json")), "dist");
// The KaTeX the server typesets comments with (rehype-katex's), whatever the app's package.json says.
const RENDERING_KATEX: { version: string } = createRequire(require.resolve("rehype-katex"))("katex/package.json");
// A page outside the app, answered by the test itself (never the network), that loads only KaTeX.
const REFERENCE_ORIGIN = "http://katex-reference.test";
const REFERENCE_PAGE = `<!doctype html><html><head><link rel="stylesheet" href="/katex.min.css"><script src="/katex.min.js"></script></head><body style="margin:0"></body></html>`;

const DISPLAY = String.raw`\frac{a+b}{c} \neq \begin{pmatrix}1&2\\3&4\end{pmatrix}`;
const FRACTION = String.raw`\frac{1}{n}`;
const NOT_EQUAL = String.raw`a \neq b`;
const DEEP_SQRT = `${"\\sqrt{".repeat(300)}x${"}".repeat(300)}`;

// A pixel differs when one of its channels differs by more than this (of 255). Placed alike, the
// two renderings differ in a few antialiased pixels at most; a fraction bar or glyph out of place,
// or "/ =" for "≠", changes hundreds.
const CHANNEL_TOLERANCE = 32;
const MAX_DIFFERING_PIXELS = 20;

test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query(`DELETE FROM "Comment" WHERE "paperId" = $1`, [PAPER_ID]);
    await db.query(`UPDATE "Paper" SET "localComments" = 0 WHERE id = $1`, [PAPER_ID]);
  });
});

async function postComment(page: Page, body: string, marker: string): Promise<Locator> {
  await page.goto(`/papers/${PAPER_ID}`);
  await page.getByLabel("Add a comment").fill(body);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = page.getByTestId("comment").filter({ hasText: marker });
  await expect(comment).toBeVisible();
  return comment;
}

async function openReference(page: Page): Promise<Page> {
  const reference = await page.context().newPage();
  await reference.route(`${REFERENCE_ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === "/") return route.fulfill({ contentType: "text/html", body: REFERENCE_PAGE });
    return route.fulfill({ path: join(KATEX_DIST, pathname) });
  });
  await reference.goto(`${REFERENCE_ORIGIN}/`);
  return reference;
}

/** How many pixels of two PNGs differ (decoded by the browser, so no image library is needed); null when their sizes differ. */
async function differingPixels(page: Page, actual: Buffer, expected: Buffer): Promise<number | null> {
  return page.evaluate(
    async ({ images, tolerance }) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [one, two] = await Promise.all(images.map(decode));
      if (one!.width !== two!.width || one!.height !== two!.height) return null;
      let differing = 0;
      for (let index = 0; index < one!.data.length; index += 4) {
        for (let channel = 0; channel < 4; channel++) {
          if (Math.abs(one!.data[index + channel]! - two!.data[index + channel]!) > tolerance) {
            differing++;
            break;
          }
        }
      }
      return differing;
    },
    { images: [actual.toString("base64"), expected.toString("base64")], tolerance: CHANNEL_TOLERANCE },
  );
}

/**
 * Screenshots `math` (a `.katex` element in a comment), renders `tex` with KaTeX's own
 * `katex.render` on the reference page at the same place, size, colour and background, and
 * expects the two images to match.
 */
async function expectAsKatexRendersIt(math: Locator, reference: Page, tex: string, displayMode: boolean): Promise<void> {
  await expect(math.locator('annotation[encoding="application/x-tex"]')).toHaveText(tex);
  await math.evaluate(() => document.fonts.ready);
  const place = await math.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const around = getComputedStyle(element.parentElement!);
    let background = "rgb(255, 255, 255)";
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color !== "rgba(0, 0, 0, 0)" && color !== "transparent") {
        background = color;
        break;
      }
    }
    return {
      left: box.left + scrollX,
      top: box.top + scrollY,
      width: box.width,
      fontSize: around.fontSize,
      color: around.color,
      background,
    };
  });
  await reference.evaluate(
    async ({ tex, displayMode, place }) => {
      const box = document.createElement("div");
      box.style.cssText = `position:absolute;left:0;top:0;font-size:${place.fontSize};color:${place.color}`;
      // Display math is centred in the width it has: give it the comment's.
      if (displayMode) box.style.width = `${place.width}px`;
      document.body.style.background = place.background;
      document.body.replaceChildren(box);
      (window as unknown as { katex: typeof katex }).katex.render(tex, box, { displayMode });
      // The same position to the fraction of a pixel, so antialiasing falls the same way.
      const math = box.querySelector(".katex")!.getBoundingClientRect();
      const origin = box.getBoundingClientRect();
      box.style.left = `${place.left - (math.left - origin.left)}px`;
      box.style.top = `${place.top - (math.top - origin.top)}px`;
      await document.fonts.ready;
    },
    { tex, displayMode, place },
  );
  const actual = await math.screenshot();
  const expected = await reference.locator(".katex").screenshot();
  await test.info().attach(`${tex} in the comment`, { body: actual, contentType: "image/png" });
  await test.info().attach(`${tex} by katex.render`, { body: expected, contentType: "image/png" });
  const differing = await differingPixels(reference, actual, expected);
  expect(differing, `${tex}: the screenshots differ in size`).not.toBeNull();
  expect(differing, `${tex}: pixels that differ`).toBeLessThanOrEqual(MAX_DIFFERING_PIXELS);
}

test("display math, a fraction and \\neq in a comment look as KaTeX itself renders them, with the CSS of the KaTeX that rendered them", async ({
  page,
  baseURL,
}) => {
  await signInAs(page.context(), baseURL!, `math-${Date.now()}@example.com`);
  const comment = await postComment(
    page,
    `Display math:\n\n$$\n${DISPLAY}\n$$\n\nInline, a fraction $${FRACTION}$ and $${NOT_EQUAL}$.`,
    "Display math:",
  );

  // The stylesheet the page loaded is the one of the KaTeX that typeset the comment.
  const servedCssVersion = await page.evaluate(() => {
    const probe = document.createElement("span");
    probe.className = "katex";
    probe.innerHTML = '<span class="katex-version"></span>';
    document.body.append(probe);
    const content = getComputedStyle(probe.firstElementChild!, "::after").content;
    probe.remove();
    return content;
  });
  // Soft, so that a mismatch also shows what it does to the screenshots below.
  expect.soft(servedCssVersion).toBe(JSON.stringify(RENDERING_KATEX.version));

  const reference = await openReference(page);
  await expectAsKatexRendersIt(comment.locator(".katex-display > .katex"), reference, DISPLAY, true);
  const inline = comment.locator("p .katex");
  await expect(inline).toHaveCount(2);
  await expectAsKatexRendersIt(inline.nth(0), reference, FRACTION, false);
  await expectAsKatexRendersIt(inline.nth(1), reference, NOT_EQUAL, false);
  await reference.close();
});

test("300 nested \\sqrt{ show as their source in code, and the page stays responsive", async ({ page, baseURL }) => {
  await signInAs(page.context(), baseURL!, `deep-math-${Date.now()}@example.com`);
  const comment = await postComment(page, `Too deep:\n\n$$\n${DEEP_SQRT}\n$$`, "Too deep:");
  await page.reload();
  await expect(comment.locator("code")).toHaveText(DEEP_SQRT);
  await expect(comment.locator(".katex")).toHaveCount(0);
  // The page still answers script and clicks.
  expect(await page.evaluate(() => document.readyState)).toBe("complete");
  await page.getByRole("link", { name: "Oldest first" }).click();
  await expect(page).toHaveURL(/[?&]comments=oldest/);
  await expect(comment.locator("code")).toHaveText(DEEP_SQRT);
});
