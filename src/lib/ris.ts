import type { CitablePaper } from "@/lib/bibtex";

// RIS (the Research Information Systems tag format Zotero, EndNote, Mendeley and others import):
// one `TAG  - value` line per field, CRLF line ends, each record closed by `ER  - `. A value is one
// line, so line breaks in a title or abstract become spaces.

export interface RisPaper extends CitablePaper {
  abstract?: string;
  categories?: string[];
  /** The reader's note on a saved paper. */
  note?: string | null;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

// "Ada King Lovelace" -> "Lovelace, Ada King", the form RIS asks for.
function risName(name: string): string {
  const parts = oneLine(name).split(" ");
  return parts.length < 2 ? parts.join("") : `${parts.at(-1)}, ${parts.slice(0, -1).join(" ")}`;
}

/** One record: an arXiv preprint as an unpublished work, with arXiv's DOI and links. */
export function risEntry(paper: RisPaper): string {
  const date = paper.publishedAt.slice(0, 10);
  const lines: [string, string][] = [
    ["TY", "UNPB"],
    ["TI", oneLine(paper.title)],
    ...paper.authors.map((author): [string, string] => ["AU", risName(author)]),
    ["PY", date.slice(0, 4)],
    ["DA", `${date.replace(/-/g, "/")}/`],
    ["PB", "arXiv"],
    ["DO", `10.48550/arXiv.${paper.id}`],
    ["UR", `https://arxiv.org/abs/${paper.id}`],
    ["L1", `https://arxiv.org/pdf/${paper.id}`],
    ["M1", `arXiv:${paper.id}`],
    ...(paper.categories ?? []).map((category): [string, string] => ["KW", category]),
    ...(paper.abstract ? [["AB", oneLine(paper.abstract)] as [string, string]] : []),
    ...(paper.note ? [["N1", oneLine(paper.note)] as [string, string]] : []),
  ];
  return [...lines.filter(([, value]) => value !== "").map(([tag, value]) => `${tag}  - ${value}`), "ER  - ", ""].join("\r\n");
}
