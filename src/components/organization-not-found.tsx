import { NotFoundPanel } from "@/components/not-found-panel";

/** An unknown organization: its name may still appear in papers, so offer a search. */
export function OrganizationNotFound({ name }: { name: string }) {
  const shown = name.slice(0, 200);
  return (
    <NotFoundPanel
      title="No such organization"
      message={`No papers here are attributed to an organization called “${shown}”.`}
      actions={[
        { href: `/papers?q=${encodeURIComponent(shown)}`, label: `Search papers for “${shown}”` },
        { href: "/", label: "Today’s papers" },
      ]}
    />
  );
}
