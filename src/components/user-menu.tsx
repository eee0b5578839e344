import Link from "next/link";
import { SignInLink } from "@/components/auth/sign-in-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/server/auth/current-user";

const linkClass =
  "rounded-md px-2 py-1 text-sm font-medium text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white";

/** The header's account corner: sign in, or the signed-in address with its pages and sign out. */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <nav aria-label="Account" className="flex items-center gap-1">
        <SignInLink />
      </nav>
    );
  }
  return (
    <nav aria-label="Account" data-testid="user-menu" className="flex items-center gap-1">
      <Link href="/submit" className={linkClass} title="Submit a paper from arXiv">
        Submit
      </Link>
      <Link href="/me" className={linkClass} title="Your upvotes, data and account">
        <span data-testid="user-email" className="inline-block max-w-36 truncate align-bottom">
          {user.email ?? user.name ?? "Your account"}
        </span>
      </Link>
      <SignOutButton />
    </nav>
  );
}
