import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <AuthCard title="Your account is deleted">
      <p>Your account, upvotes and digest subscription are gone. Thanks for reading with us.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Back to the papers
      </Link>
    </AuthCard>
  );
}
