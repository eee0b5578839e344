import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/highlight-markers";

/** Renders text whose matches are wrapped in marker characters as <mark>, never as HTML. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${HIGHLIGHT_START}[^${HIGHLIGHT_END}]*${HIGHLIGHT_END})`, "u"));
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith(HIGHLIGHT_START) ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-500/40">
            {part.slice(1, -1)}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
