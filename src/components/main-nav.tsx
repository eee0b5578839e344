"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Shown = "always" | "signed-in-on-phones" | "signed-in-on-wide-screens" | "wide-screens" | "wider-screens";

const SECTIONS: { href: string; label: string; current: (path: string) => boolean; shown: Shown; title?: string }[] = [
  { href: "/", label: "Daily", current: (path) => path === "/" || /^\/papers\/(date|week|month)\//.test(path), shown: "always" },
  { href: "/papers/trending", label: "Trending", current: (path) => path.startsWith("/papers/trending"), shown: "always" },
  // On phones only for signed-in readers: signed out, the header's one row has no room for it.
  { href: "/papers/for-you", label: "For you", current: (path) => path === "/papers/for-you", shown: "signed-in-on-phones" },
  // Only signed-in readers have a last visit; on phones it is in the account menu (one header row).
  {
    href: "/papers/new",
    label: "New",
    current: (path) => path === "/papers/new",
    shown: "signed-in-on-wide-screens",
    title: "Papers added since your last visit, oldest first",
  },
  // On phones in the account menu and the footer: the header's one row has no room for it.
  {
    href: "/groups",
    label: "Groups",
    current: (path) => path.startsWith("/groups"),
    shown: "wide-screens",
    title: "Reading groups and their sessions",
  },
  // From tablets up, where the row has room; on phones in the footer.
  {
    href: "/discussions",
    label: "Discussions",
    current: (path) => path.startsWith("/discussions"),
    shown: "wider-screens",
    title: "Papers by their latest comment",
  },
];

const SHOWN_CLASS: Record<Shown, string> = {
  always: "",
  "signed-in-on-phones": "hidden signed-in:inline sm:inline",
  "signed-in-on-wide-screens": "hidden sm:signed-in:inline",
  "wide-screens": "hidden sm:inline",
  "wider-screens": "hidden md:inline",
};

/** The header's sections; the one being read is marked for assistive technology and by sight. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-2 text-sm font-medium whitespace-nowrap text-gray-600 sm:gap-3 dark:text-gray-300">
      {SECTIONS.map((section) => {
        const current = section.current(pathname);
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={current ? "page" : undefined}
            title={section.title}
            className={`hover:text-gray-900 dark:hover:text-white ${SHOWN_CLASS[section.shown]} ${current ? "text-gray-900 underline decoration-2 underline-offset-8 dark:text-white" : ""}`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
