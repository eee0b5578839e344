import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgAvatar } from "@/components/org-badge";
import { PaperList } from "@/components/paper-list";
import { decodePathSegment } from "@/lib/url-path";
import { getCachedOrganizationPapers } from "@/server/papers/cache";

type Params = Promise<{ name: string }>;

async function organizationFor(params: Params) {
  const name = decodePathSegment((await params).name);
  return name && name.length <= 200 ? getCachedOrganizationPapers(name) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await organizationFor(params);
  if (!page) return { title: "Organization not found" };
  const feed = `/orgs/${encodeURIComponent(page.organization.name)}/feed`;
  return {
    title: page.organization.fullName,
    alternates: { types: { "application/rss+xml": `${feed}.xml`, "application/feed+json": `${feed}.json` } },
  };
}

export default async function OrganizationPage({ params }: { params: Params }) {
  const page = await organizationFor(params);
  if (!page) notFound();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex items-center gap-3">
        <OrgAvatar organization={page.organization} sizeClass="size-12" />
        <div>
          <h1 className="text-2xl font-bold">{page.organization.fullName}</h1>
          <p className="text-sm text-gray-500 dark:text-gray-400">
            {page.papers.length === 1 ? "1 paper" : `${page.papers.length} papers`}, newest first
          </p>
        </div>
      </header>
      <PaperList papers={page.papers} />
    </div>
  );
}
