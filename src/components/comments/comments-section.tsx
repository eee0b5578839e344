import Link from "next/link";
import { CommentBody } from "@/components/comment-body";
import { CommentForm, ReplyForm } from "@/components/comments/comment-form";
import { CommentVoteButton } from "@/components/comments/comment-vote-button";
import { OwnCommentControls } from "@/components/comments/edit-comment-form";
import { ReportForm } from "@/components/report-form";
import type { CommentOrder } from "@/lib/comments";
import { formatDay } from "@/lib/periods";
import { countOf, pluralNoun } from "@/lib/plural";
import type { CommentDto, CommentPage } from "@/server/comments/comments";

const linkClass = "font-medium text-indigo-600 hover:underline dark:text-indigo-400";

const ORDERS: { order: CommentOrder; label: string }[] = [
  { order: "best", label: "Best" },
  { order: "newest", label: "Newest first" },
  { order: "oldest", label: "Oldest first" },
];

function commentsHref(paperId: string, order: CommentOrder, page = 0): string {
  const query = new URLSearchParams();
  if (order !== "best") query.set("comments", order);
  if (page > 0) query.set("cpage", String(page));
  const search = query.toString();
  return `/papers/${paperId}${search ? `?${search}` : ""}#discussion`;
}

/**
 * A live comment's upvotes: a toggle for a signed-in reader's vote on someone else's comment, the
 * count alone on one's own and for signed-out readers (the discussion offers them sign-in once).
 */
function CommentVotes({ comment, signedIn }: { comment: CommentDto; signedIn: boolean }) {
  if (signedIn && !comment.mine) return <CommentVoteButton commentId={comment.id} count={comment.upvotes} upvoted={comment.upvoted} />;
  return (
    <span data-testid="comment-upvotes" className="px-1 font-medium tabular-nums">
      <span aria-hidden>▲ </span>
      {comment.upvotes}
      <span className="sr-only"> {pluralNoun(comment.upvotes, "upvote", "upvotes")}</span>
    </span>
  );
}

function Comment({ comment, paperId, signedIn }: { comment: CommentDto; paperId: string; signedIn: boolean }) {
  const live = !comment.deleted && !comment.hidden;
  return (
    // Focusable from script only: a comment just posted takes the focus (comment-form.tsx).
    <article
      data-testid="comment"
      id={`comment-${comment.id}`}
      tabIndex={-1}
      className="min-w-0 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500"
    >
      <p className="flex flex-wrap items-center gap-x-1 text-xs text-gray-500 dark:text-gray-400">
        {live && <CommentVotes comment={comment} signedIn={signedIn} />}
        {comment.authorHandle ? (
          <Link href={`/users/${comment.authorHandle}`} className="font-medium text-gray-700 hover:underline dark:text-gray-300">
            {comment.author}
          </Link>
        ) : (
          <span className="font-medium text-gray-700 dark:text-gray-300">{comment.author}</span>
        )}
        {comment.paperAuthor && (
          <span
            data-testid="author-badge"
            title="A verified author of this paper"
            className="rounded bg-indigo-100 px-1.5 py-px font-semibold text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200"
          >
            Author
          </span>
        )}{" "}
        · <time dateTime={comment.createdAt}>{formatDay(comment.createdAt.slice(0, 10))}</time>
        {comment.editedAt && !comment.deleted && <span> · edited</span>}
      </p>
      {!live ? (
        <p className="text-sm text-gray-500 italic dark:text-gray-400">{comment.hidden ? "[removed by a moderator]" : "[deleted]"}</p>
      ) : (
        <CommentBody markdown={comment.body} />
      )}
      {comment.mine && <OwnCommentControls paperId={paperId} commentId={comment.id} body={comment.body} />}
      {signedIn && !comment.mine && !comment.deleted && !comment.hidden && (
        <ReportForm commentId={comment.id} paperId={paperId} summary="Report" />
      )}
    </article>
  );
}

export interface CommentsSectionProps {
  paperId: string;
  comments: CommentPage;
  order: CommentOrder;
  signedIn: boolean;
  upstreamComments: number;
}

/** A paper's discussion: threads with one level of replies, best (votes with age), newest or oldest first, a page at a time. */
export function CommentsSection({ paperId, comments, order, signedIn, upstreamComments }: CommentsSectionProps) {
  return (
    <section
      id="discussion"
      aria-labelledby="discussion-heading"
      className="flex flex-col gap-4 border-t border-gray-200 pt-6 dark:border-gray-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="discussion-heading" className="text-xl font-semibold">
          Discussion <span className="text-gray-500 dark:text-gray-400">({comments.total})</span>
        </h2>
        <nav aria-label="Comment order" className="flex gap-3 text-sm">
          {ORDERS.map((option) => (
            <Link
              key={option.order}
              href={commentsHref(paperId, option.order)}
              aria-current={option.order === order ? "true" : undefined}
              className={option.order === order ? "font-semibold" : linkClass}
            >
              {option.label}
            </Link>
          ))}
        </nav>
      </div>
      {upstreamComments > 0 && (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {countOf(upstreamComments, "more comment is", "more comments are")} on{" "}
          <a href={`https://huggingface.co/papers/${paperId}`} rel="noopener" className={linkClass}>
            Hugging Face
          </a>
          .
        </p>
      )}
      {signedIn ? (
        <CommentForm paperId={paperId} label="Add a comment" submitLabel="Comment" />
      ) : (
        <p className="text-sm">
          <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(`/papers/${paperId}#discussion`)}`} className={linkClass}>
            Sign in
          </Link>{" "}
          to join the discussion.
        </p>
      )}
      {comments.threads.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {comments.page > 0 ? "No more comments." : "No comments here yet. Start the discussion."}
        </p>
      ) : (
        <ol className="flex flex-col gap-5">
          {comments.threads.map((thread) => (
            <li key={thread.id} data-testid="comment-thread" className="flex flex-col gap-3">
              <Comment comment={thread} paperId={paperId} signedIn={signedIn} />
              {(thread.replies.length > 0 || signedIn) && (
                <div className="ml-4 flex flex-col gap-3 border-l-2 border-gray-200 pl-4 dark:border-gray-800">
                  {thread.replies.map((reply) => (
                    <Comment key={reply.id} comment={reply} paperId={paperId} signedIn={signedIn} />
                  ))}
                  {signedIn && <ReplyForm paperId={paperId} replyTo={thread.id} />}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {(comments.hasMore || comments.page > 0) && (
        <nav aria-label="More comments" className="flex gap-4 text-sm">
          {comments.page > 0 && (
            <Link href={commentsHref(paperId, order, comments.page - 1)} className={linkClass}>
              Previous comments
            </Link>
          )}
          {comments.hasMore && (
            <Link href={commentsHref(paperId, order, comments.page + 1)} className={linkClass}>
              More comments
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
