"use client";

import { useState } from "react";

/** "Cite": the paper's BibTeX entry, shown and copied to the clipboard with one press. */
export function CiteBox({ bibtex }: { bibtex: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <details className="text-sm">
      <summary className="inline-block cursor-pointer py-1 font-medium text-gray-700 hover:text-gray-900 dark:text-gray-300 dark:hover:text-white">
        Cite
      </summary>
      <pre data-testid="bibtex" tabIndex={0} className="mt-2 overflow-x-auto rounded-lg bg-gray-100 p-3 font-mono text-xs dark:bg-gray-900">
        {bibtex}
      </pre>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(bibtex).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="js-only mt-2 rounded-md border border-gray-300 px-3 py-1 text-sm hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
      >
        {copied ? "Copied" : "Copy BibTeX"}
      </button>
    </details>
  );
}
