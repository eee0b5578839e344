import { NotFoundPanel } from "@/components/not-found-panel";
import { parseArxivId } from "@/lib/arxiv-id";

/** An unknown paper: a real arXiv id gets the ways to it, anything else a search. */
export function PaperNotFound({ text }: { text: string }) {
  const id = parseArxivId(text);
  if (!id) {
    return (
      <NotFoundPanel
        title="Not an arXiv id"
        message="Paper addresses hold an arXiv id, like /papers/2401.00001 or /papers/hep-th/9901001."
        actions={[
          { href: `/papers?q=${encodeURIComponent(text.slice(0, 200))}`, label: "Search for it instead" },
          { href: "/", label: "Today’s papers" },
        ]}
      />
    );
  }
  return (
    <NotFoundPanel
      title={`arXiv ${id} is not here yet`}
      message="Nobody has added this paper to the feed. You can read it on arXiv, or submit it so others can find and upvote it."
      actions={[
        { href: `https://arxiv.org/abs/${id}`, label: "Open on arXiv", external: true },
        { href: `/submit?arxiv=${encodeURIComponent(id)}`, label: "Submit it here" },
      ]}
    />
  );
}
