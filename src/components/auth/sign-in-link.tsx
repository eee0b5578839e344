"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** "Sign in", returning to the page it was clicked on. */
export function SignInLink() {
  const pathname = usePathname();
  const href = pathname.startsWith("/auth/") ? "/auth/signin" : `/auth/signin?callbackUrl=${encodeURIComponent(pathname)}`;
  return (
    <Link
      href={href}
      className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
    >
      Sign in
    </Link>
  );
}
