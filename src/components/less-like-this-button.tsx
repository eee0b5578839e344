"use client";

import { lessLikeThis } from "@/components/paper-card/triage-store";

/** For-you's "Less like this" beside a paper's reason: the card leaves (with Undo) and the model learns the no. */
export function LessLikeThisButton({ paperId, title }: { paperId: string; title: string }) {
  return (
    <button
      type="button"
      data-testid="less-like-this"
      onClick={() => void lessLikeThis(paperId, title)}
      className="rounded-md px-1.5 py-0.5 text-xs font-medium text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-white"
    >
      Less like this<span className="sr-only">: {title}</span>
    </button>
  );
}
