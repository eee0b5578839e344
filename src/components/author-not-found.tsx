import { NotFoundPanel } from "@/components/not-found-panel";

/** An author no paper here lists: the name may be spelled differently, so offer a search. */
export function AuthorNotFound({ name }: { name: string }) {
  const shown = name.slice(0, 200);
  return (
    <NotFoundPanel
      title="No papers by this author here"
      message={`No paper here lists an author called “${shown}”. Names must match the paper's author list exactly.`}
      actions={[
        { href: `/papers?q=${encodeURIComponent(shown)}`, label: `Search papers for “${shown}”` },
        { href: "/", label: "Today’s papers" },
      ]}
    />
  );
}
