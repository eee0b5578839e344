import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaperList } from "@/components/paper-list";
import { paperFromPath } from "@/server/papers/paper-from-path";
import { MORE_LIKE_THIS_VIEW } from "@/server/papers/similar";

type Params = Promise<{ id: string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await paperFromPath(params, MORE_LIKE_THIS_VIEW);
  return found ? { title: `More like “${found.paper.title}”`, robots: { index: false } } : { title: "Paper not found" };
}

/** "More like this" from a card: the feed narrowed to one paper's neighbours by content. */
export default async function MoreLikeThisPage({ params }: { params: Params }) {
  const found = await paperFromPath(params, MORE_LIKE_THIS_VIEW);
  if (!found) notFound();
  const { paper, similar: papers } = found;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-bold">More like this</h1>
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
          Papers closest in content to{" "}
          <Link href={`/papers/${paper.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            {paper.title}
          </Link>
          , by the terms of its title in their titles and abstracts, among the newest papers sharing them.
        </p>
      </header>
      {papers.length > 0 ? (
        <PaperList papers={papers} />
      ) : (
        <p className="rounded-xl border border-dashed border-gray-300 px-6 py-12 text-center text-gray-600 dark:border-gray-700 dark:text-gray-400">
          No other paper shares this one’s key terms yet.
        </p>
      )}
    </div>
  );
}
