import Link from "next/link";
import { OrgAvatar } from "@/components/org-badge";
import { formatDay } from "@/lib/periods";
import type { PaperDto } from "@/server/papers/dto";

/** "Similar papers" on a paper page: up to six neighbours by content, as compact links. */
export function SimilarPapers({ papers, moreHref }: { papers: PaperDto[]; moreHref: string }) {
  if (papers.length === 0) return null;
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="text-lg font-semibold">
        Similar papers
      </h2>
      <ul data-testid="similar-papers" className="mt-2 flex flex-col gap-2">
        {papers.map((paper) => (
          <li key={paper.id} className="flex items-start gap-2 text-sm">
            {paper.organization && <OrgAvatar organization={paper.organization} sizeClass="mt-0.5 size-4" />}
            <span>
              <Link href={`/papers/${paper.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {paper.title}
              </Link>{" "}
              <span className="text-gray-500 dark:text-gray-400">· {formatDay(paper.publishedAt.slice(0, 10))}</span>
            </span>
          </li>
        ))}
      </ul>
      <Link href={moreHref} className="mt-2 inline-block py-0.5 text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        More like this
      </Link>
    </section>
  );
}
