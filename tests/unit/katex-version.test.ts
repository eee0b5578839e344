// Comments are typeset on the server by rehype-katex's KaTeX and styled in the browser by the
// katex.min.css that comment-body.tsx imports. When the two came from different KaTeX versions
// (0.16.47 inside rehype-katex, 0.19.1 at the top), fractions collided with their bar and \neq
// read "/ =": KaTeX 0.18 renamed the classes its HTML and CSS share.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);
const fromCommentBody = createRequire(new URL("src/components/comment-body.tsx", ROOT));
const packageJson = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(new URL("package-lock.json", ROOT), "utf8")) as { packages: Record<string, { version?: string }> };

const versionOf = (require: NodeJS.Require): string => (require("katex/package.json") as { version: string }).version;

describe("one KaTeX", () => {
  it("typesets comments with the KaTeX whose CSS the app serves, the one package.json names", () => {
    const css = readFileSync(fromCommentBody.resolve("katex/dist/katex.min.css"), "utf8");
    const cssVersion = /\.katex-version:after\{content:"([^"]+)"\}/.exec(css)?.[1];
    const rendering = versionOf(createRequire(fromCommentBody.resolve("rehype-katex")));
    expect(cssVersion).toBe(rendering);
    expect(versionOf(fromCommentBody)).toBe(rendering);
    expect(rendering).toBe(packageJson.dependencies.katex);
  });

  it("is the only KaTeX package-lock.json installs", () => {
    const installed = Object.entries(lock.packages)
      .filter(([path]) => /(?:^|\/)node_modules\/katex$/.test(path))
      .map(([path, entry]) => `${path}@${entry.version}`);
    expect(installed).toEqual([`node_modules/katex@${packageJson.dependencies.katex}`]);
  });
});
