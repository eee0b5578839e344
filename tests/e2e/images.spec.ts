import { expect, test } from "@playwright/test";

test("images load only from the configured hosts", async ({ request }) => {
  const csp = (await request.get("/")).headers()["content-security-policy"] ?? "";
  const imgSrc = /img-src ([^;]+)/.exec(csp)?.[1]?.split(" ");
  expect(imgSrc).toEqual([
    "'self'",
    "data:",
    "https://huggingface.co",
    "https://cdn-avatars.huggingface.co",
    "https://cdn-thumbnails.huggingface.co",
    "https://cdn-uploads.huggingface.co",
  ]);
});

test("a thumbnail or avatar that cannot load becomes a neat placeholder, not a broken-image glyph", async ({ page }) => {
  // Whatever the network here, the image hosts fail, as they do offline.
  await page.route(/^https:\/\/[^/]*huggingface\.co\//, (route) => route.abort());
  await page.goto("/");
  const card = page
    .getByTestId("paper-card")
    .filter({ has: page.locator("a[aria-hidden] img, a[aria-hidden] [data-testid=image-placeholder]") })
    .first();
  await expect(card.getByTestId("image-placeholder").last()).toBeVisible();
  const broken = await page
    .locator("img")
    .evaluateAll((images) =>
      images
        .filter((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth === 0)
        .map((image) => (image as HTMLImageElement).src),
    );
  expect(broken).toEqual([]);
});
