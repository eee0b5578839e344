import "server-only";
import { env, siteUrl } from "@/env";
import { createAuthRouteHandler } from "@/server/auth/auth-route-handler";
import { createAuthOptions } from "@/server/auth/options";
import { db } from "@/server/db";
import { createDefaultMailer } from "@/server/email/default-mailer";

export const authOptions = createAuthOptions({
  db,
  mailer: createDefaultMailer(),
  siteUrl,
  secret: env.NEXTAUTH_SECRET,
  linkTtlHours: env.EMAIL_LINK_TTL_HOURS,
  github: env.GITHUB_ID && env.GITHUB_SECRET ? { clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET } : undefined,
});

export const githubSignInEnabled = Boolean(env.GITHUB_ID && env.GITHUB_SECRET);

export const authRouteHandler = createAuthRouteHandler({ db, options: authOptions, siteUrl });
