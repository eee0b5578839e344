"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS: { href: string; label: string; current: (path: string) => boolean; signedInOnPhones?: boolean }[] = [
  { href: "/", label: "Daily", current: (path: string) => path === "/" || /^\/papers\/(date|week|month)\//.test(path) },
  { href: "/papers/trending", label: "Trending", current: (path: string) => path.startsWith("/papers/trending") },
  // On phones only for signed-in readers: signed out, the header's one row has no room for it.
  { href: "/papers/for-you", label: "For you", current: (path: string) => path === "/papers/for-you", signedInOnPhones: true },
];

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
            className={`hover:text-gray-900 dark:hover:text-white ${section.signedInOnPhones ? "hidden signed-in:inline sm:inline" : ""} ${current ? "text-gray-900 underline decoration-2 underline-offset-8 dark:text-white" : ""}`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
