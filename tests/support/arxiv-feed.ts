import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARXIV_FIXTURES } from "./fixtures";

// A real recorded search answer (10 entries): its feed header and entries are the templates.
const recorded = (JSON.parse(readFileSync(join(ARXIV_FIXTURES, "q_testing_s0_m10_bc5a6c384fe9.json"), "utf8")) as { body: string }).body;
const header = recorded.slice(0, recorded.indexOf("<entry>"));
const templates = recorded.match(/<entry>[\s\S]*?<\/entry>/g)!;

export interface SyntheticSubmission {
  id: string;
  publishedAt: string;
}

/**
 * `count` submissions, newest first, one minute apart ending at `newest`, with ids 2611.<n>, the
 * way a category listing sorted by submittedDate descending returns them.
 */
export function submissions(count: number, newest: Date, firstNumber = 10_000): SyntheticSubmission[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `2611.${String(firstNumber + count - 1 - index).padStart(5, "0")}`,
    publishedAt: new Date(newest.getTime() - index * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  }));
}

function entryFor(submission: SyntheticSubmission, index: number): string {
  const template = templates[index % templates.length]!;
  return template
    .replace(/<id>[^<]*<\/id>/, `<id>http://arxiv.org/abs/${submission.id}v1</id>`)
    .replace(/(<title>)([^<]*)(<\/title>)/, `$1$2 (${submission.id})$3`)
    .replace(/<published>[^<]*<\/published>/, `<published>${submission.publishedAt}</published>`)
    .replace(/<updated>[^<]*<\/updated>/, `<updated>${submission.publishedAt}</updated>`)
    .replace(/arxiv\.org\/(abs|pdf)\/[^"<]+"/g, `arxiv.org/$1/${submission.id}v1"`);
}

/** The Atom answer to one page (`start`, `max_results`) of a listing of `all` submissions. */
export function arxivListingPage(all: SyntheticSubmission[], start: number, maxResults: number): string {
  const page = all.slice(start, start + maxResults);
  return (
    header
      .replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${all.length}`)
      .replace(/<opensearch:startIndex>\d+/, `<opensearch:startIndex>${start}`)
      .replace(/<opensearch:itemsPerPage>\d+/, `<opensearch:itemsPerPage>${maxResults}`) +
    page.map((submission, index) => entryFor(submission, start + index)).join("\n") +
    "\n</feed>\n"
  );
}

const CATEGORY_ELEMENTS = /\s*<(?:arxiv:primary_category|category) [^>]*\/>/g;

/** A recorded entry made into the paper `id`, with `categories` (primary first) as arXiv writes them. */
function knownEntryFor(id: string, categories: string[], index: number): string {
  const categoryElements = categories.map((term) => `<category term="${term}" scheme="http://arxiv.org/schemas/atom"/>`).join("\n    ");
  return entryFor({ id, publishedAt: "2026-06-15T17:59:59Z" }, index)
    .replace(CATEGORY_ELEMENTS, "")
    .replace("<published>", `${categoryElements}\n    <published>`)
    .replace("</published>", `</published>\n    <arxiv:primary_category term="${categories[0]}"/>`);
}

/**
 * arXiv's answer to `id_list=<ids>`: an entry in the recorded shape for each id `categoriesOf`
 * knows, in the order asked, and nothing for the others, as arXiv leaves unknown ids out.
 */
export function arxivIdListAnswer(ids: string[], categoriesOf: (id: string) => string[] | undefined): string {
  const entries = ids.flatMap((id, index) => {
    const categories = categoriesOf(id);
    return categories ? [knownEntryFor(id, categories, index)] : [];
  });
  return (
    header
      .replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${entries.length}`)
      .replace(/<opensearch:startIndex>\d+/, "<opensearch:startIndex>0")
      .replace(/<opensearch:itemsPerPage>\d+/, `<opensearch:itemsPerPage>${ids.length}`) +
    entries.join("\n") +
    "\n</feed>\n"
  );
}

/** arXiv's HTTP 400 answer to an id_list holding a malformed id (`1234.12345`). */
export const ARXIV_ID_FORMAT_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2007-10-12T00:00:00-04:00</updated>
  </entry>
</feed>`;
