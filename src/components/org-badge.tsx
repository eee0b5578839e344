import Link from "next/link";
import { RemoteImage } from "@/components/ui/remote-image";
import type { PaperDto } from "@/server/papers/dto";

type Organization = NonNullable<PaperDto["organization"]>;

/** The organization's avatar, or its initial when it has none or it fails to load; `sizeClass` fixes the box so nothing shifts. */
export function OrgAvatar({ organization, sizeClass = "size-4" }: { organization: Organization; sizeClass?: string }) {
  const initial = (
    <span
      aria-hidden
      data-testid="image-placeholder"
      className={`${sizeClass} inline-flex shrink-0 items-center justify-center rounded bg-gray-200 text-[10px] font-bold text-gray-600 uppercase dark:bg-gray-700 dark:text-gray-300`}
    >
      {organization.fullName.slice(0, 1)}
    </span>
  );
  if (!organization.avatarUrl) return initial;
  return (
    <RemoteImage
      src={organization.avatarUrl}
      className={`${sizeClass} shrink-0 rounded bg-gray-200 object-cover dark:bg-gray-700`}
      fallback={initial}
    />
  );
}

export function OrgBadge({ organization }: { organization: Organization }) {
  return (
    <Link
      data-testid="org-badge"
      href={`/orgs/${encodeURIComponent(organization.name)}`}
      className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-gray-200 px-1.5 py-0.5 text-xs font-medium text-gray-700 hover:border-gray-400 dark:border-gray-700 dark:text-gray-300 dark:hover:border-gray-500"
    >
      <OrgAvatar organization={organization} />
      <span className="truncate">{organization.fullName}</span>
    </Link>
  );
}
