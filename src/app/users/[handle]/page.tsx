import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaperList } from "@/components/paper-list";
import { collectionPath } from "@/lib/collections/collection-form";
import { handleInAddressSchema } from "@/lib/handles";
import { formatDay } from "@/lib/periods";
import { countOf } from "@/lib/plural";
import { decodePathSegment } from "@/lib/url-path";
import { getPublicProfile } from "@/server/accounts/profile";
import { db } from "@/server/db";

type Params = Promise<{ handle: string }>;

async function profileFor(params: Params) {
  const handle = handleInAddressSchema.safeParse(decodePathSegment((await params).handle) ?? "");
  return handle.success ? getPublicProfile(db, handle.data) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const profile = await profileFor(params);
  return { title: profile ? profile.handle : "Reader not found" };
}

export default async function UserProfilePage({ params }: { params: Params }) {
  const profile = await profileFor(params);
  if (!profile) notFound();
  return (
    <div className="flex flex-col gap-8">
      <header>
        <h1 className="text-2xl font-bold">{profile.handle}</h1>
        <p className="text-sm text-gray-500 dark:text-gray-400">
          Reading here since {formatDay(profile.joinedAt.slice(0, 10))} ·{" "}
          {countOf(profile.comments.length, "recent comment", "recent comments")} ·{" "}
          {countOf(profile.submitted.length, "submitted paper", "submitted papers")}
        </p>
        {profile.authorNames.length > 0 && (
          <p data-testid="profile-author" className="mt-1 text-sm text-gray-700 dark:text-gray-300">
            Verified author:{" "}
            {profile.authorNames.map((name, index) => (
              <span key={name}>
                {index > 0 && ", "}
                <Link
                  href={`/authors/${encodeURIComponent(name)}`}
                  className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {name}
                </Link>
              </span>
            ))}
          </p>
        )}
      </header>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Comments
        </h2>
        {profile.comments.length === 0 ? (
          <p className="mt-2 text-gray-600 dark:text-gray-400">No comments yet.</p>
        ) : (
          <ul data-testid="profile-comments" className="mt-3 flex flex-col gap-4">
            {profile.comments.map((comment) => (
              <li key={comment.id} className="text-sm">
                <p className="text-xs text-gray-500 dark:text-gray-400">
                  On{" "}
                  <Link
                    href={`/papers/${comment.paperId}#comment-${comment.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {comment.paperTitle}
                  </Link>{" "}
                  · <time dateTime={comment.createdAt}>{formatDay(comment.createdAt.slice(0, 10))}</time>
                </p>
                <p className="mt-1 break-words whitespace-pre-line text-gray-800 dark:text-gray-200">{comment.excerpt}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {profile.collections.length > 0 && (
        <section aria-labelledby="collections-heading">
          <h2 id="collections-heading" className="text-lg font-semibold">
            Collections
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {profile.collections.map((collection) => (
              <li key={collection.id} className="text-sm">
                <Link href={collectionPath(collection)} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  {collection.name}
                </Link>{" "}
                <span className="text-gray-500 dark:text-gray-400">
                  · {countOf(collection.papers, "paper", "papers")} · {countOf(collection.followers, "follower", "followers")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="submitted-heading">
        <h2 id="submitted-heading" className="text-lg font-semibold">
          Submitted papers
        </h2>
        {profile.submitted.length === 0 ? (
          <p className="mt-2 text-gray-600 dark:text-gray-400">No submitted papers yet.</p>
        ) : (
          <div className="mt-3">
            <PaperList papers={profile.submitted} startAt={1} />
          </div>
        )}
      </section>
    </div>
  );
}
