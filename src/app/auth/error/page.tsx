import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { authErrorMessage } from "@/lib/auth-errors";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function AuthErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const code = firstParam((await searchParams).error) ?? "";
  return (
    <AuthCard title={code === "Verification" ? "This link no longer works" : "Sign-in problem"}>
      <p role="alert">{authErrorMessage(code)}</p>
      <Link
        href="/auth/signin"
        className="mt-5 inline-block rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        Request a new sign-in link
      </Link>
    </AuthCard>
  );
}
