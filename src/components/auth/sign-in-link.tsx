"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** "Sign in", returning to the page it was clicked on. */
export function SignInLink() {
  const pathname = usePathname();
  // The sign-in pages have their own buttons; a second "Sign in" there would only confuse.
  if (pathname.startsWith("/auth/")) return null;
  return (
    <Link
      href={`/auth/signin?callbackUrl=${encodeURIComponent(pathname)}`}
      className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
    >
      Sign in
    </Link>
  );
}
