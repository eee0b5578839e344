import type { Metadata } from "next";
import { cookies } from "next/headers";
import { cache } from "react";
import { AuthorNotFound } from "@/components/author-not-found";
import { NotFoundPanel } from "@/components/not-found-panel";
import { NOT_FOUND_TITLES, PAGE_NOT_FOUND_TITLE } from "@/components/not-found-titles";
import { OrganizationNotFound } from "@/components/organization-not-found";
import { PaperNotFound } from "@/components/paper-not-found";
import { PeriodNotFound } from "@/components/period-not-found";
import { missingSubject } from "@/edge/missing-page";
import { pageSubjects, type PageSubject } from "@/edge/routes";
import { TAXONOMY_URL } from "@/lib/arxiv-taxonomy";
import { sessionTokenFromCookies } from "@/server/auth/session";
import { requestPathSegments } from "@/server/http/request-path";

/** What the address names that is missing, read from the path the proxy passes on; once per request. */
const missingPageSubject = cache(async (): Promise<PageSubject | undefined> => {
  const subjects = pageSubjects(await requestPathSegments());
  // An address naming two things (a category and a day) says which of them is missing.
  if (subjects.length < 2) return subjects[0];
  const jar = await cookies();
  return (await missingSubject(subjects, { sessionToken: sessionTokenFromCookies((name) => jar.get(name)?.value) })) ?? subjects[0];
});

/** A title that says what is missing ("Paper not found · Daily Papers"), not the site's name alone. */
export async function generateMetadata(): Promise<Metadata> {
  const subject = await missingPageSubject();
  return { title: subject ? NOT_FOUND_TITLES[subject.type] : PAGE_NOT_FOUND_TITLE };
}

/**
 * Every 404 page: Next.js renders this one without the route's params, both for unmatched
 * addresses and for pages that found nothing, so it reads the path the proxy passes on.
 */
export default async function NotFound() {
  const subject = await missingPageSubject();
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
    case "category":
      return (
        <NotFoundPanel
          title="No such arXiv category"
          message={`arXiv has no category or archive “${subject.key.slice(0, 60)}”. Categories look like cs.CL, archives like cs or math.`}
          actions={[
            { href: TAXONOMY_URL, label: "arXiv’s categories", external: true },
            { href: "/", label: "Today’s papers" },
          ]}
        />
      );
    case "keyword":
      return (
        <NotFoundPanel
          title="No papers with this keyword here"
          message={`No paper here has the keyword “${subject.key.slice(0, 100)}”.`}
          actions={[
            {
              href: `/papers?q=${encodeURIComponent(subject.key.slice(0, 100))}`,
              label: `Search papers for “${subject.key.slice(0, 100)}”`,
            },
            { href: "/", label: "Today’s papers" },
          ]}
        />
      );
    case "group":
      return (
        <NotFoundPanel
          title="No such group"
          message="There is no reading group at this address, or it is invite-only: its members can share the invite link with you."
          actions={[{ href: "/groups", label: "Public reading groups" }]}
        />
      );
    case "collection":
      return (
        <NotFoundPanel
          title="No such collection"
          message="There is no collection at this address, or it is not shared: a private collection is seen only by its owner, an unlisted one only with its link."
          actions={[{ href: "/me/collections", label: "Your collections" }]}
        />
      );
    case "groupSession":
      return (
        <NotFoundPanel
          title="No such session"
          message="This group has no session at this address. It may have been removed; the group’s page lists its sessions."
          actions={[{ href: "/groups", label: "Reading groups" }]}
        />
      );
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
