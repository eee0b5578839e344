import { AuthorNotFound } from "@/components/author-not-found";
import { NotFoundPanel } from "@/components/not-found-panel";
import { OrganizationNotFound } from "@/components/organization-not-found";
import { PaperNotFound } from "@/components/paper-not-found";
import { PeriodNotFound } from "@/components/period-not-found";
import { pageSubject } from "@/edge/routes";
import { requestPathSegments } from "@/server/http/request-path";

/**
 * Every 404 page: Next.js renders this one without the route's params, both for unmatched
 * addresses and for pages that found nothing, so it reads the path the proxy passes on.
 */
export default async function NotFound() {
  const subject = pageSubject(await requestPathSegments());
  switch (subject?.type) {
    case "organization":
      return <OrganizationNotFound name={subject.key} />;
    case "author":
      return <AuthorNotFound name={subject.key} />;
    case "user":
      return (
        <NotFoundPanel
          title="No such reader"
          message={`Nobody here has the handle “${subject.key.slice(0, 60)}”.`}
          actions={[{ href: "/", label: "Today’s papers" }]}
        />
      );
    case "date":
    case "week":
    case "month":
      return <PeriodNotFound kind={subject.type} />;
    case "paper":
      return <PaperNotFound text={subject.key} />;
    case undefined:
      return (
        <NotFoundPanel
          title="Page not found"
          message="There is nothing at this address. Dates look like 2026-06-01, weeks like 2026-W23, months like 2026-06, papers like 2401.00001."
          actions={[
            { href: "/", label: "Today’s papers" },
            { href: "/papers/trending", label: "Trending papers" },
            { href: "/papers", label: "Search" },
          ]}
        />
      );
  }
}
