import { NotFoundPanel } from "@/components/not-found-panel";
import { requestPathSegments } from "@/server/http/request-path";

/** An unknown organization: its name may still appear in papers, so offer a search. */
export default async function OrganizationNotFound() {
  const [, name] = await requestPathSegments();
  const shown = name?.slice(0, 200) ?? "";
  return (
    <NotFoundPanel
      title="No such organization"
      message={shown ? `No papers here are attributed to an organization called “${shown}”.` : "That is not an organization name."}
      actions={[
        ...(shown ? [{ href: `/papers?q=${encodeURIComponent(shown)}`, label: `Search papers for “${shown}”` }] : []),
        { href: "/", label: "Today’s papers" },
      ]}
    />
  );
}
