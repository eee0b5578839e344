// The README and docs/ are checked like code: they name commands and files that move, and a
// newcomer's first copy-paste should not fail on a renamed script or a dead link.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = join(ROOT, "README.md");
const DOCS = join(ROOT, "docs");
const README_MAX_BYTES = 10_000;

// `npm <name>` forms that need no script of that name; test and start do, so they are checked.
const NPM_BUILT_INS = new Set(["install", "i", "ci"]);
const NPM_SCRIPT_SHORTHANDS = new Set(["test", "start", "stop", "restart"]);

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const FENCE = /^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;
const INLINE_CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

/** The text of every fenced code block and inline code span. */
function codeIn(markdown: string): string[] {
  const blocks = [...markdown.matchAll(FENCE)].map((match) => match[2]!);
  const prose = markdown.replace(FENCE, "");
  const spans = [...prose.matchAll(INLINE_CODE)].map((match) => match[2]!);
  return [...blocks, ...spans];
}

/** Markdown with code removed, so that brackets in examples are not read as links. */
function proseOf(markdown: string): string {
  return markdown.replace(FENCE, "").replace(INLINE_CODE, "");
}

interface NpmCommand {
  /** `npm run <name>` (true) or `npm <name>` (false). */
  viaRun: boolean;
  name: string;
}

function npmCommandsIn(code: string): NpmCommand[] {
  return [...code.matchAll(/\bnpm\s+(run(?:-script)?\s+)?([^\s`'"|&;<>()]+)/g)].map((match) => ({
    viaRun: match[1] !== undefined,
    name: match[2]!,
  }));
}

/** Why this command would fail, or null when package.json has what it needs. */
function npmCommandProblem(command: NpmCommand, scripts: Record<string, string>): string | null {
  if (!command.viaRun && NPM_BUILT_INS.has(command.name)) return null;
  if (!command.viaRun && !NPM_SCRIPT_SHORTHANDS.has(command.name)) {
    return `npm ${command.name} is not an npm command this project uses (write npm run ${command.name}?)`;
  }
  return command.name in scripts ? null : `package.json has no script "${command.name}"`;
}

/** Targets of markdown links and images, outside code. */
function linkTargetsIn(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.replace(FENCE, "").matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const slug = match[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    anchors.add(slug);
  }
  return anchors;
}

/** Why a relative link from `file` is broken, or null when it resolves. */
function linkProblem(file: string, target: string): string | null {
  if (isExternal(target)) return null;
  const [pathPart = "", fragment] = target.split("#", 2);
  const path = decodeURIComponent(pathPart.split("?")[0]!);
  const resolved = path === "" ? file : resolve(dirname(file), path);
  if (!existsSync(resolved)) return `${target}: ${relative(ROOT, resolved)} does not exist`;
  if (fragment && resolved.endsWith(".md") && !headingAnchors(readFileSync(resolved, "utf8")).has(fragment.toLowerCase())) {
    return `${target}: ${relative(ROOT, resolved)} has no heading #${fragment}`;
  }
  return null;
}

const documents = [README, ...markdownFiles(DOCS)];
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("README and docs/", () => {
  it(`keep the README under ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(README).size).toBeLessThan(README_MAX_BYTES);
  });

  it("link every docs/ page from the README", () => {
    const linked = new Set(
      linkTargetsIn(readFileSync(README, "utf8"))
        .filter((target) => !isExternal(target))
        .map((target) => resolve(ROOT, decodeURIComponent(target.split("#")[0]!))),
    );
    const unlinked = markdownFiles(DOCS).filter((page) => !linked.has(page));
    expect(unlinked.map((page) => relative(ROOT, page))).toEqual([]);
  });

  it.each(documents.map((file) => [relative(ROOT, file), file]))("%s names only npm scripts that exist", (_name, file) => {
    const problems = codeIn(readFileSync(file, "utf8"))
      .flatMap(npmCommandsIn)
      .map((command) => npmCommandProblem(command, scripts))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  });

  it.each(documents.map((file) => [relative(ROOT, file), file]))("%s has no broken relative links", (_name, file) => {
    const problems = linkTargetsIn(readFileSync(file, "utf8"))
      .map((target) => linkProblem(file, target))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  });
});

// The checks above pass vacuously if the extractors find nothing; these keep them honest.
describe("the docs checks themselves", () => {
  const sample = [
    "Run `npm run dev` or `npm test`, see [the docs](docs/nowhere.md) and [a site](https://example.org).",
    "```sh",
    "npm install && npm run no-such-script -- --flag",
    "npm exec something",
    "```",
  ].join("\n");

  it("find npm commands in code and report unknown scripts", () => {
    const problems = codeIn(sample)
      .flatMap(npmCommandsIn)
      .map((command) => npmCommandProblem(command, { dev: "", test: "" }))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([
      'package.json has no script "no-such-script"',
      "npm exec is not an npm command this project uses (write npm run exec?)",
    ]);
  });

  it("report a relative link to a missing file and ignore external ones", () => {
    const problems = linkTargetsIn(sample)
      .map((target) => linkProblem(README, target))
      .filter((problem) => problem !== null);
    expect(problems).toEqual(["docs/nowhere.md: docs/nowhere.md does not exist"]);
  });

  it("report a link to a missing heading", () => {
    expect(linkProblem(README, "README.md#no-such-heading")).toBe("README.md#no-such-heading: README.md has no heading #no-such-heading");
    expect(linkProblem(README, "#quick-start")).toBeNull();
  });
});
