import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AuthorTools } from "@/components/authors/author-tools";
import { PaperAuthors } from "@/components/authors/paper-authors";
import { CiteBox } from "@/components/cite-box";
import { CommentsSection } from "@/components/comments/comments-section";
import { OrgAvatar } from "@/components/org-badge";
import { ReportForm } from "@/components/report-form";
import { SaveButton } from "@/components/save-button";
import { SimilarPapers } from "@/components/similar-papers";
import { PaperTopics } from "@/components/topic-chips";
import { UpvoteButton } from "@/components/upvote-button";
import { AUTHOR_LINK_LABELS } from "@/lib/authors/author-claim";
import { bibtexEntry } from "@/lib/bibtex";
import { highwireTags } from "@/lib/citation-meta";
import { commentOrderSchema } from "@/lib/comments";
import { countWithSources, sourcesNote } from "@/lib/count-sources";
import { formatDay, periodPath, periodContaining } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import { risEntry } from "@/lib/ris";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";
import { readerClaims } from "@/server/authors/author-claims";
import { getPaperAuthorship } from "@/server/authors/authorship";
import { db } from "@/server/db";
import { paperFromPath } from "@/server/papers/paper-from-path";
import { getPaperPageForReader } from "@/server/papers/paper-page";
import { PAPER_PAGE_VIEW } from "@/server/papers/similar";

type Params = Promise<{ id: string[] }>;

// The paper's links, Save and Cite: one look, in one row with the upvote button.
const actionClass =
  "rounded-md border border-gray-300 px-3 py-1 text-sm font-medium hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-gray-700 dark:hover:bg-gray-800";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await paperFromPath(params, PAPER_PAGE_VIEW);
  if (!found) return { title: "Paper not found" };
  const { paper } = found;
  const description = paper.abstract.length > 300 ? `${paper.abstract.slice(0, 297)}…` : paper.abstract;
  const images = paper.thumbnailUrl ? [paper.thumbnailUrl] : undefined;
  return {
    title: paper.title,
    description,
    // Agents find the Markdown rendition here (src/server/agents/).
    alternates: { canonical: `/papers/${paper.id}`, types: { "text/markdown": `/papers/${paper.id}.md` } },
    openGraph: { type: "article", title: paper.title, description, url: `/papers/${paper.id}`, images },
    twitter: { card: images ? "summary_large_image" : "summary", title: paper.title, description, images },
    // Zotero's connector and Google Scholar read these.
    other: highwireTags(paper),
  };
}

export default async function PaperPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const found = await paperFromPath(params, PAPER_PAGE_VIEW);
  if (!found) notFound();
  const { paper } = found;
  const query = await searchParams;
  const order = commentOrderSchema.catch("best").parse(firstParam(query.comments) ?? "best");
  const commentsPage = z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .catch(0)
    .parse(firstParam(query.cpage) ?? 0);
  const viewer = await getCurrentUser();
  const { comments, upvoted, saved, similar } = await getPaperPageForReader(db, paper, found.similar, viewer, {
    order,
    page: commentsPage,
  });
  const [authorship, ownClaims] = await Promise.all([
    getPaperAuthorship(db, paper.id),
    viewer ? readerClaims(db, viewer.id, paper.id) : Promise.resolve([]),
  ]);
  const links = [
    { label: "arXiv abstract", href: `https://arxiv.org/abs/${paper.id}` },
    { label: "PDF", href: `https://arxiv.org/pdf/${paper.id}` },
    ...(paper.githubRepo
      ? [{ label: `GitHub${paper.githubStars !== null ? ` ★ ${paper.githubStars}` : ""}`, href: paper.githubRepo }]
      : []),
    ...(paper.projectPage ? [{ label: "Project page", href: paper.projectPage }] : []),
    ...authorship.links.map((link) => ({ label: `${AUTHOR_LINK_LABELS[link.kind]} (added by the author)`, href: link.url })),
  ];
  const commentSources = sourcesNote(paper.upstreamComments, paper.localComments);
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <p className="text-sm text-gray-500 dark:text-gray-400">
          arXiv:{paper.id} · Published <time dateTime={paper.publishedAt}>{formatDay(paper.publishedAt.slice(0, 10))}</time> · Added to{" "}
          <Link href={periodPath(periodContaining("date", paper.feedDate))} className="underline">
            <time dateTime={paper.feedDate}>{formatDay(paper.feedDate)}</time>
          </Link>
        </p>
        <h1 data-testid="paper-title" className="text-3xl leading-tight font-bold break-words">
          {paper.title}
        </h1>
        {paper.organization && (
          <Link
            href={`/orgs/${encodeURIComponent(paper.organization.name)}`}
            data-testid="org-badge"
            className="inline-flex items-center gap-2 self-start font-medium hover:underline"
          >
            <OrgAvatar organization={paper.organization} sizeClass="size-6" />
            {paper.organization.fullName}
          </Link>
        )}
        {/* One row of what a reader does with the paper; the Cite panel spans it (hence `relative`). */}
        <div data-testid="paper-actions" className="relative flex flex-wrap items-center gap-2">
          <UpvoteButton paperId={paper.id} count={paper.upvotes} upvoted={upvoted} signedIn={viewer !== null} />
          <nav aria-label="Links" className="flex flex-wrap gap-2">
            {links.map((link) => (
              <a key={`${link.label} ${link.href}`} href={link.href} rel="noopener noreferrer" className={actionClass}>
                {link.label}
              </a>
            ))}
          </nav>
          <SaveButton
            paperId={paper.id}
            saved={saved}
            signedIn={viewer !== null}
            className={`inline-flex items-center gap-1 ${actionClass}`}
          />
          <CiteBox
            bibtex={bibtexEntry(paper)}
            ris={risEntry(paper)}
            fileName={paper.id.replace("/", "-")}
            summaryClassName={`block cursor-pointer list-none [&::-webkit-details-marker]:hidden ${actionClass}`}
          />
        </div>
        <p data-testid="upvote-breakdown" className="text-sm text-gray-500 dark:text-gray-400">
          {countWithSources(paper.upstreamUpvotes, paper.localUpvotes, "upvote", "upvotes")} ·{" "}
          <a href="#discussion" className="underline">
            {countOf(paper.comments, "comment", "comments")}
          </a>
          {commentSources && ` ${commentSources}`}
        </p>
        <PaperTopics categories={paper.categories} keywords={paper.keywords} />
      </header>

      {paper.aiSummary && (
        <section className="rounded-xl border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40">
          <h2 className="text-sm font-semibold text-amber-900 dark:text-amber-200">AI summary</h2>
          <p className="mt-1">{paper.aiSummary}</p>
        </section>
      )}

      <section>
        <h2 id="abstract" className="text-lg font-semibold">
          Abstract
        </h2>
        <div className="mt-2 flex flex-col gap-3 leading-relaxed text-gray-800 dark:text-gray-200">
          {paper.abstract.split("\n\n").map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </section>

      <PaperAuthors authors={paper.authors} marks={authorship.marks} />
      {viewer && (
        <AuthorTools
          paperId={paper.id}
          claimable={paper.authors.filter((author) => !authorship.marks.get(author)?.handle)}
          claims={ownClaims}
        />
      )}

      {paper.submitter && (
        <p className="text-sm text-gray-500 dark:text-gray-400">Submitted by {paper.submitter.fullName || paper.submitter.name}</p>
      )}

      {viewer && <ReportForm paperId={paper.id} summary="Report this paper" />}

      <SimilarPapers papers={similar} moreHref={`/papers/similar/${paper.id}`} />

      <CommentsSection
        paperId={paper.id}
        comments={comments}
        order={order}
        signedIn={viewer !== null}
        upstreamComments={paper.upstreamComments}
      />
    </article>
  );
}
