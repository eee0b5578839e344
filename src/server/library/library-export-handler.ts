import "server-only";
import { bibtexEntry } from "@/lib/bibtex";
import { toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { userFromRequest } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { handleErrors } from "@/server/http/errors";
import { listLibrary } from "@/server/library/library";

/** GET /me/library/export.bib and export.csv: the reader's library as a download. */
export function createLibraryExportHandler(db: Db, format: "bibtex" | "csv") {
  return handleErrors(async (request) => {
    const user = await userFromRequest(db, request);
    if (!user) throw new AppError("UNAUTHORIZED", "Sign in to export your library.");
    const entries = await listLibrary(db, user.id);
    const body =
      format === "bibtex"
        ? entries.map(({ paper }) => bibtexEntry(paper)).join("\n")
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
    const [type, name] = format === "bibtex" ? ["application/x-bibtex", "library.bib"] : ["text/csv", "library.csv"];
    return new Response(body, {
      headers: {
        "Content-Type": `${type}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
