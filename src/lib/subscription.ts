import { z } from "zod";
import { emailAddressSchema } from "@/lib/email-address";

export const CADENCES = ["DAILY", "WEEKLY"] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, { name: string; description: string }> = {
  DAILY: { name: "Daily", description: "Every weekday morning: the top papers of the previous day." },
  WEEKLY: { name: "Weekly", description: "Once a week: the top papers of the previous week." },
};

/** `daily`/`weekly` in any letter case, as forms, query strings and the CLI spell it. */
export const cadenceSchema = z
  .string({ error: "Choose daily or weekly." })
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.enum(CADENCES, { error: "Choose daily or weekly." }));

/** The subscribe form: an address and a cadence. */
export const subscribeByEmailSchema = z.object({ email: emailAddressSchema, cadence: cadenceSchema });

/** A signed-in user's one click: their account address, so only the cadence. */
export const subscribeAccountSchema = z.object({ account: z.literal(true), cadence: cadenceSchema });

/** Emailed tokens are 32 random bytes in base64url; anything else is refused before a lookup. */
export const emailTokenSchema = z.string({ error: "The link is missing its token." }).regex(/^[A-Za-z0-9_-]{43}$/, {
  error: "This link is incomplete or was altered. Copy the whole link from the email.",
});

export const DIGEST_CONTENTS = ["TRENDING", "TRENDING_AND_FOLLOWS"] as const;
export type DigestContentName = (typeof DIGEST_CONTENTS)[number];

export const DIGEST_CONTENT_LABELS: Record<DigestContentName, { name: string; description: string }> = {
  TRENDING: { name: "Trending", description: "The site's top trending papers." },
  TRENDING_AND_FOLLOWS: {
    name: "Trending + from what I follow",
    description: "The trending papers, then up to 5 more from the organizations, authors and topics you follow, without what you muted.",
  },
};

export const digestContentSchema = z.enum(DIGEST_CONTENTS, { error: "Choose Trending, or Trending + from what I follow." });
