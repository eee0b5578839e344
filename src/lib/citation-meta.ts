import type { CitablePaper } from "@/lib/bibtex";

// What reference managers read from a paper's page: the Highwire Press `citation_*` meta tags
// (Zotero's Embedded Metadata translator, Google Scholar's inclusion guidelines) and a COinS span
// (OpenURL ContextObject in a `Z3988` span) for each paper of a list.

export interface CitationPaper extends CitablePaper {
  abstract: string;
}

/** The `citation_*` meta tags, name -> content(s); a name with several values gives one tag each. */
export function highwireTags(paper: CitationPaper): Record<string, string | string[]> {
  const date = paper.publishedAt.slice(0, 10).replace(/-/g, "/");
  return {
    citation_title: paper.title,
    citation_author: paper.authors,
    // Google Scholar asks for the full date in this form; Zotero reads it too.
    citation_publication_date: date,
    citation_online_date: date,
    citation_arxiv_id: paper.id,
    citation_doi: `10.48550/arXiv.${paper.id}`,
    citation_publisher: "arXiv",
    citation_pdf_url: `https://arxiv.org/pdf/${paper.id}`,
    citation_abstract_html_url: `https://arxiv.org/abs/${paper.id}`,
    citation_abstract: paper.abstract,
  };
}

/**
 * The `title` of a COinS span: an OpenURL 1.0 ContextObject in key/encoded-value form describing
 * the paper as a preprint, identified by its arXiv id and abstract URL.
 */
export function coinsTitle(paper: CitablePaper): string {
  const fields: [string, string][] = [
    ["ctx_ver", "Z39.88-2004"],
    ["rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"],
    ["rft.genre", "preprint"],
    ["rft.atitle", paper.title],
    ["rft.jtitle", "arXiv"],
    ["rft.date", paper.publishedAt.slice(0, 10)],
    ...paper.authors.map((author): [string, string] => ["rft.au", author]),
    ["rft_id", `info:arxiv/${paper.id}`],
    ["rft_id", `https://arxiv.org/abs/${paper.id}`],
    ["rft_id", `info:doi/10.48550/arXiv.${paper.id}`],
  ];
  return new URLSearchParams(fields).toString();
}
