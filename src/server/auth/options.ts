import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { safeCallbackUrl } from "@/lib/callback-url";
import { emailAddressSchema } from "@/lib/email-address";
import { confirmationUrl, signInEmail } from "@/server/auth/sign-in-email";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/email/mailer";

export interface AuthConfig {
  db: Db;
  mailer: Mailer;
  siteUrl: string;
  secret: string | undefined;
  linkTtlHours: number;
  github?: { clientId: string; clientSecret: string };
}

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export function createAuthOptions(config: AuthConfig): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    EmailProvider({
      maxAge: config.linkTtlHours * 3600,
      // Screening happens before next-auth is called; this keeps next-auth's own identifier in the same form.
      normalizeIdentifier: (identifier) => emailAddressSchema.parse(identifier),
      async sendVerificationRequest({ identifier, url }) {
        await config.mailer.send(signInEmail(identifier, confirmationUrl(url, config.siteUrl), config.linkTtlHours, "Daily Papers"));
      },
    }),
  ];
  if (config.github) {
    providers.push(
      GitHubProvider({
        ...config.github,
        // One user per address: GitHub's address takes the same normalized form as emailed links.
        profile: (profile) => ({
          id: String(profile.id),
          name: profile.name ?? profile.login,
          email: profile.email ? profile.email.trim().toLowerCase() : null,
          image: profile.avatar_url,
        }),
      }),
    );
  }
  return {
    adapter: PrismaAdapter(config.db as never) as NextAuthOptions["adapter"],
    secret: config.secret,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    providers,
    pages: { signIn: "/auth/signin", verifyRequest: "/auth/verify-request", error: "/auth/error" },
    callbacks: {
      // A suspended account gets no new sign-in link and cannot use one it already has.
      signIn: async ({ user }) => {
        const email = user.email?.trim().toLowerCase();
        if (!email) return true;
        const existing = await config.db.user.findUnique({ where: { email }, select: { bannedAt: true } });
        return !existing?.bannedAt;
      },
      // next-auth's default throws on unparsable URLs; ours never leaves the site and never throws.
      redirect: ({ url }) => safeCallbackUrl(url, config.siteUrl),
    },
  };
}
