import Link from "next/link";
import { AccountDensity } from "@/components/account-density";
import { AccountMenu } from "@/components/account-menu";
import { SignInLink } from "@/components/auth/sign-in-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/server/auth/current-user";

const linkClass =
  "rounded-md px-2 py-1 text-sm font-medium text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white";

/** The header's account corner: sign in, or the signed-in address with its pages and sign out (in a menu on phones). */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <nav aria-label="Account" className="flex items-center gap-1">
        <SignInLink />
      </nav>
    );
  }
  const label = user.email ?? user.name ?? "Your account";
  // `data-signed-in` also shows "For you" in the phone header (the `signed-in:` variant in globals.css).
  return (
    <nav aria-label="Account" data-testid="user-menu" data-signed-in="" className="flex items-center gap-1">
      <AccountDensity density={user.density} />
      <div className="hidden items-center gap-1 sm:flex">
        <Link href="/submit" className={linkClass} title="Submit a paper from arXiv">
          Submit
        </Link>
        <Link href="/me" className={linkClass} title="Your upvotes, data and account">
          <span data-testid="user-email" className="inline-block max-w-36 truncate align-bottom">
            {label}
          </span>
        </Link>
        <SignOutButton />
      </div>
      {/* Phones: one button, so the header stays one row with "For you" in it. */}
      <AccountMenu label={label} />
    </nav>
  );
}
