"use client";

import { useRef, useState } from "react";

/**
 * "Cite": the paper's BibTeX entry, shown and copied to the clipboard with one press (the result is
 * announced, `role=status`), and its RIS record as a file (a `data:` link, so it needs no route). The entry opens as a panel across the nearest positioned ancestor
 * (the paper page's row of actions), over what follows, and closes on Escape. Without JavaScript
 * it still opens, for selecting and copying by hand.
 */
export function CiteBox({
  bibtex,
  ris,
  fileName,
  summaryClassName,
}: {
  bibtex: string;
  /** The same paper as a RIS record, offered as a file for Zotero, EndNote or Mendeley. */
  ris: string;
  /** The downloads' name without extension, e.g. the arXiv id. */
  fileName: string;
  summaryClassName?: string;
}) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const disclosure = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={disclosure}
      data-testid="cite-box"
      className="text-sm"
      onToggle={() => setCopied(null)}
      onKeyDown={(event) => {
        const details = disclosure.current;
        if (event.key !== "Escape" || !details?.open) return;
        details.open = false;
        details.querySelector("summary")?.focus();
      }}
    >
      <summary
        className={
          summaryClassName ??
          "inline-block cursor-pointer py-1 font-medium text-gray-700 hover:text-gray-900 dark:text-gray-300 dark:hover:text-white"
        }
      >
        Cite
      </summary>
      <div className="absolute inset-x-0 z-20 mt-2 rounded-lg border border-gray-200 bg-white p-3 shadow-lg dark:border-gray-700 dark:bg-gray-950">
        <pre data-testid="bibtex" tabIndex={0} className="overflow-x-auto rounded-lg bg-gray-100 p-3 font-mono text-xs dark:bg-gray-900">
          {bibtex}
        </pre>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() =>
              navigator.clipboard.writeText(bibtex).then(
                () => setCopied("copied"),
                () => setCopied("failed"),
              )
            }
            className="js-only rounded-md border border-gray-300 px-3 py-1 text-sm hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
          >
            Copy BibTeX
          </button>
          <a
            href={`data:application/x-research-info-systems;charset=utf-8,${encodeURIComponent(ris)}`}
            download={`${fileName}.ris`}
            className="rounded-md border border-gray-300 px-3 py-1 text-sm hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
          >
            Download RIS
          </a>
          <span role="status" data-testid="cite-status" className="text-sm text-gray-600 dark:text-gray-400">
            {copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy: select the entry and copy it." : ""}
          </span>
        </div>
      </div>
    </details>
  );
}
