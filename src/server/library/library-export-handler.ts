import "server-only";
import { bibtexEntry } from "@/lib/bibtex";
import { toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { risEntry } from "@/lib/ris";
import { userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { handleErrors } from "@/server/http/errors";
import { listLibrary } from "@/server/library/library";

const FORMATS = {
  bibtex: { type: "application/x-bibtex", name: "library.bib" },
  ris: { type: "application/x-research-info-systems", name: "library.ris" },
  csv: { type: "text/csv", name: "library.csv" },
} as const;

/** GET /me/library/export.bib, export.ris and export.csv: the reader's library as a download. */
export function createLibraryExportHandler(db: Db, format: keyof typeof FORMATS) {
  return handleErrors(async (request) => {
    const user = await userFromRequest(db, request);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to export your library.");
    const entries = await listLibrary(db, user.id);
    const body =
      format === "bibtex"
        ? entries.map(({ paper }) => bibtexEntry(paper)).join("\n")
        : format === "ris"
          ? entries.map(({ paper, note }) => risEntry({ ...paper, note })).join("\r\n")
          : toCsv(
              ["arxiv_id", "title", "authors", "published", "saved_at", "note", "url"],
              entries.map(({ paper, note, savedAt }) => [
                paper.id,
                paper.title,
                paper.authors.join("; "),
                paper.publishedAt.slice(0, 10),
                savedAt,
                note ?? "",
                `https://arxiv.org/abs/${paper.id}`,
              ]),
            );
    const { type, name } = FORMATS[format];
    return new Response(body, {
      headers: {
        "Content-Type": `${type}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
