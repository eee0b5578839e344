import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { authErrorMessage } from "@/lib/auth-errors";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function AuthErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const code = firstParam((await searchParams).error) ?? "";
  return (
    <AuthCard title={code === "Verification" ? "This link no longer works" : "Sign-in problem"}>
      <p role="alert">{authErrorMessage(code)}</p>
      <Link href="/auth/signin" className={buttonClasses({ className: "mt-5" })}>
        Request a new sign-in link
      </Link>
    </AuthCard>
  );
}
