import type { Metadata } from "next";
import Link from "next/link";
import { SubmitPaperForm } from "@/components/submit-paper-form";
import { parseArxivId } from "@/lib/arxiv-id";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Submit a paper" };

export default async function SubmitPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  const suggested = parseArxivId(firstParam((await searchParams).arxiv) ?? "") ?? "";
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Submit a paper</h1>
      <p className="mt-1 text-gray-600 dark:text-gray-400">
        Found something worth reading? Add it to today&apos;s feed. We fetch the title, authors and abstract from arXiv.
      </p>
      <div className="mt-6 rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-800 dark:bg-gray-900">
        {user ? (
          <SubmitPaperForm initial={suggested} />
        ) : (
          <p>
            <Link
              href={`/auth/signin?callbackUrl=${encodeURIComponent(suggested ? `/submit?arxiv=${suggested}` : "/submit")}`}
              className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Sign in
            </Link>{" "}
            to submit papers.
          </p>
        )}
      </div>
    </section>
  );
}
