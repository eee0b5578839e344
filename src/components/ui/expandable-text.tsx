"use client";

import { useId, useState } from "react";

/** Text clamped to a few lines with a Show more / Show less toggle. */
export function ExpandableText({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  return (
    <div>
      <p id={id} className={`${expanded ? "" : "line-clamp-3"} ${className}`}>
        {children}
      </p>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={id}
        onClick={() => setExpanded((value) => !value)}
        className="mt-1 text-sm font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
      >
        {expanded ? "Show less" : "Show more"}
      </button>
    </div>
  );
}
