/** What a BibTeX entry for an arXiv paper needs. */
export interface CitablePaper {
  id: string;
  title: string;
  authors: string[];
  /** ISO time of the arXiv publication. */
  publishedAt: string;
}

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text as BibTeX reads it literally: LaTeX's special characters escaped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (character) => SPECIAL[character]!);
}

// Bibliography styles lower-case titles; braces keep words such as BERT, GPT-4 or Transformer as written.
function protectCapitals(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word) => (/[A-Z]/.test(word) ? `{${escapeBibtex(word)}}` : escapeBibtex(word)))
    .join("");
}

// "Ada Lovelace" -> "Lovelace, Ada": unambiguous for BibTeX whatever the number of given names.
function bibtexName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return `{${escapeBibtex(name.trim())}}`;
  const last = parts.at(-1)!;
  return `${escapeBibtex(last)}, ${escapeBibtex(parts.slice(0, -1).join(" "))}`;
}

function citationKey(paper: CitablePaper): string {
  const ascii = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]/g, "")
      .toLowerCase();
  const firstAuthor = ascii(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? "") || "arxiv";
  const firstWord =
    paper.title
      .split(/\s+/)
      .map(ascii)
      .find((word) => word.length > 3) ?? "";
  return `${firstAuthor}${paper.publishedAt.slice(0, 4)}${firstWord}`;
}

/** The `@misc` entry arXiv itself suggests: eprint, archivePrefix, authors joined with " and ". */
export function bibtexEntry(paper: CitablePaper): string {
  const fields = [
    ["title", `{${protectCapitals(paper.title)}}`],
    ["author", `{${paper.authors.map(bibtexName).join(" and ")}}`],
    ["year", `{${paper.publishedAt.slice(0, 4)}}`],
    ["eprint", `{${paper.id}}`],
    ["archivePrefix", "{arXiv}"],
    ["url", `{https://arxiv.org/abs/${paper.id}}`],
  ];
  return `@misc{${citationKey(paper)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n")}\n}\n`;
}
