"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMMENT_MAX_CHARACTERS } from "@/lib/comments";
import { postCommentAction, type CommentFormState } from "@/server/comments/actions";

export interface CommentFormProps {
  paperId: string;
  /** The comment answered (a reply), or none for a new thread. */
  replyTo?: string;
  label: string;
  submitLabel: string;
  /** Called once a comment is posted, with what to announce; without it, the form announces it itself. */
  onPosted?: (announcement: string) => void;
}

const textareaClass =
  "block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm placeholder:text-gray-500 focus:border-indigo-500 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400";

// How long to wait for the refreshed page to show a new comment before giving up on focusing it.
const FOCUS_WAIT_MS = 5000;

/**
 * Focuses the comment `id` (comments-section.tsx renders each as `#comment-<id>`, focusable) as soon
 * as it is on the page: the action's answer and the refreshed discussion may arrive apart. A
 * comment on another page of the discussion is never found; the announcement still says it posted.
 */
function focusComment(id: string): () => void {
  const until = performance.now() + FOCUS_WAIT_MS;
  let frame = 0;
  const attempt = () => {
    const comment = document.getElementById(`comment-${id}`);
    if (comment) comment.focus();
    else if (performance.now() < until) frame = requestAnimationFrame(attempt);
  };
  attempt();
  return () => cancelAnimationFrame(frame);
}

/**
 * Posts a comment or a reply. Without JavaScript it is a plain form post; with it, the text shows
 * at once as "Posting…" and comes back into the field with the reason if the server refuses it.
 * Once posted, the new comment takes the focus and the post is announced.
 */
export function CommentForm({ paperId, replyTo, label, submitLabel, onPosted }: CommentFormProps) {
  const [state, action, pending] = useActionState<CommentFormState, FormData>(postCommentAction, null);
  const [posting, setPosting] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const announce = useRef(onPosted);
  useEffect(() => {
    announce.current = onPosted;
  });
  const id = replyTo ? `reply-to-${replyTo}` : "new-comment";

  const postedAt = state?.ok ? state.postedAt : null;
  const commentId = state?.ok ? state.commentId : undefined;
  useEffect(() => {
    if (postedAt === null) return;
    const message = replyTo ? "Your reply is posted." : "Your comment is posted.";
    if (announce.current) announce.current(message);
    else setAnnouncement(message);
    return commentId ? focusComment(commentId) : undefined;
  }, [postedAt, commentId, replyTo]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        setAnnouncement("");
        setPosting(String(new FormData(event.currentTarget).get("body") ?? ""));
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="paperId" value={paperId} />
      {replyTo && <input type="hidden" name="replyTo" value={replyTo} />}
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        // A fresh, empty field after each accepted comment; the refused text otherwise.
        key={state?.ok ? state.postedAt : "draft"}
        id={id}
        name="body"
        required
        rows={replyTo ? 2 : 3}
        maxLength={COMMENT_MAX_CHARACTERS * 2}
        defaultValue={state && !state.ok ? state.body : ""}
        placeholder="Markdown and $math$ work. Mention an arXiv id to link it."
        aria-describedby={state && !state.ok ? `${id}-error` : undefined}
        className={textareaClass}
      />
      {pending && posting && (
        <p
          data-testid="comment-posting"
          className="rounded-lg border border-dashed border-gray-300 p-2 text-sm whitespace-pre-wrap text-gray-600 dark:border-gray-700 dark:text-gray-400"
        >
          Posting… {posting}
        </p>
      )}
      {state && !state.ok && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      {!onPosted && (
        <p role="status" data-testid="comment-status" className="sr-only">
          {announcement}
        </p>
      )}
      <div>
        <SubmitButton pending={pending} pendingLabel="Posting…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

/**
 * "Reply" under a thread: a disclosure holding the reply form, closed again once the reply is
 * posted (the new reply takes the focus). Its announcement is outside the disclosure, which a
 * screen reader does not read while closed.
 */
export function ReplyForm({ paperId, replyTo }: { paperId: string; replyTo: string }) {
  const disclosure = useRef<HTMLDetailsElement>(null);
  const [announcement, setAnnouncement] = useState("");
  return (
    <div className="text-sm">
      <details ref={disclosure} onToggle={() => disclosure.current?.open && setAnnouncement("")}>
        <summary className="inline-block cursor-pointer py-1 text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-gray-100">
          Reply
        </summary>
        <div className="mt-1">
          <CommentForm
            paperId={paperId}
            replyTo={replyTo}
            label="Your reply"
            submitLabel="Reply"
            onPosted={(message) => {
              if (disclosure.current) disclosure.current.open = false;
              setAnnouncement(message);
            }}
          />
        </div>
      </details>
      <p role="status" data-testid="reply-status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
