"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";

/** "Sign in", returning to the page it was clicked on. */
export function SignInLink() {
  const pathname = usePathname();
  // The sign-in pages have their own buttons; a second "Sign in" there would only confuse.
  if (pathname.startsWith("/auth/")) return null;
  return (
    <Link href={`/auth/signin?callbackUrl=${encodeURIComponent(pathname)}`} className={buttonClasses({ size: "sm" })}>
      Sign in
    </Link>
  );
}
