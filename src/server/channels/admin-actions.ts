"use server";

import "server-only";

import { setTimeout as sleep } from "node:timers/promises";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { env, siteUrl } from "@/env";
import { channelInputSchema } from "@/lib/channels/channel-input";
import { subscriptionInputSchema } from "@/lib/channels/subscription-input";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, type FieldErrors } from "@/lib/form-errors";
import { getAdmin } from "@/server/admin/access";
import { addChannel } from "@/server/channels/channels";
import { addSubscription } from "@/server/channels/subscriptions";
import { sendTestMessage } from "@/server/channels/test-message";
import { db } from "@/server/db";

// The console's channel actions. Each asks getAdmin() itself (the page's check is not a boundary);
// a form's problems come back by field, other refusals as one message.

export type ChannelFormState =
  { ok: true; message: string; signingKey?: string } | { ok: false; message: string; fields?: FieldErrors } | null;

const NOT_AN_OPERATOR: ChannelFormState = { ok: false, message: "Only the instance's operators can change its channels." };
const channelId = z.string().min(1).max(40);

function failure(error: unknown): ChannelFormState {
  if (isAppError(error))
    return { ok: false, message: error.message, fields: error.details.param ? { [error.details.param]: error.message } : undefined };
  throw error;
}

const formFields = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));

export async function addChannelAction(_previous: ChannelFormState, formData: FormData): Promise<ChannelFormState> {
  if (!(await getAdmin())) return NOT_AN_OPERATOR;
  const fields = formFields(formData);
  const channel = channelInputSchema.safeParse(fields);
  const subscription = subscriptionInputSchema.safeParse(fields);
  if (!channel.success || !subscription.success) {
    return {
      ok: false,
      message: "Check the fields marked below.",
      fields: {
        ...(channel.success ? {} : fieldErrorsOf(channel.error)),
        ...(subscription.success ? {} : fieldErrorsOf(subscription.error)),
      },
    };
  }
  try {
    if (subscription.data.what === "GROUP_SESSIONS" && !(await db.readingGroup.findUnique({ where: { slug: subscription.data.group } })))
      return {
        ok: false,
        message: "Check the fields marked below.",
        fields: { group: `There is no reading group at /groups/${subscription.data.group}.` },
      };
    const added = await addChannel(db, channel.data, env.CHANNEL_SECRET_KEY);
    await addSubscription(db, added.channel.id, subscription.data, new Date());
    revalidatePath("/admin");
    return {
      ok: true,
      message: `Added “${added.channel.name}”. Its webhook is stored encrypted and will not be shown again.`,
      signingKey: added.signingKey ?? undefined,
    };
  } catch (error) {
    return failure(error);
  }
}

export async function addSubscriptionAction(_previous: ChannelFormState, formData: FormData): Promise<ChannelFormState> {
  if (!(await getAdmin())) return NOT_AN_OPERATOR;
  const id = channelId.safeParse(formData.get("channelId"));
  const subscription = subscriptionInputSchema.safeParse(formFields(formData));
  if (!id.success) return { ok: false, message: "That channel was removed." };
  if (!subscription.success) return { ok: false, message: "Check the fields marked below.", fields: fieldErrorsOf(subscription.error) };
  try {
    await addSubscription(db, id.data, subscription.data, new Date());
    revalidatePath("/admin");
    return { ok: true, message: "Subscription added." };
  } catch (error) {
    return failure(error);
  }
}

export async function sendTestMessageAction(_previous: ChannelFormState, formData: FormData): Promise<ChannelFormState> {
  if (!(await getAdmin())) return NOT_AN_OPERATOR;
  const id = channelId.safeParse(formData.get("channelId"));
  if (!id.success) return { ok: false, message: "That channel was removed." };
  try {
    // Two attempts: the operator is waiting, and a long Retry-After is an answer worth showing.
    const message = await sendTestMessage(db, id.data, {
      fetch,
      sleep: (ms) => sleep(ms),
      now: () => new Date(),
      maxAttempts: 2,
      key: env.CHANNEL_SECRET_KEY,
      siteUrl,
    });
    revalidatePath("/admin");
    return { ok: true, message };
  } catch (error) {
    revalidatePath("/admin");
    return failure(error);
  }
}

const channelChange = z.object({ channelId, change: z.enum(["pause", "resume", "remove"]) });
const subscriptionRemoval = z.object({ subscriptionId: z.string().min(1).max(40) });

/** Pause, resume (which forgets the failures that paused it) or remove a channel: plain form posts. */
export async function changeChannelAction(formData: FormData): Promise<void> {
  if (!(await getAdmin())) return;
  const parsed = channelChange.safeParse({ channelId: formData.get("channelId"), change: formData.get("change") });
  if (!parsed.success) return;
  const { channelId: id, change } = parsed.data;
  if (change === "remove") await db.channel.deleteMany({ where: { id } });
  else
    await db.channel.updateMany({
      where: { id },
      data: change === "pause" ? { pausedAt: new Date() } : { pausedAt: null, failures: 0 },
    });
  revalidatePath("/admin");
}

export async function removeSubscriptionAction(formData: FormData): Promise<void> {
  if (!(await getAdmin())) return;
  const parsed = subscriptionRemoval.safeParse({ subscriptionId: formData.get("subscriptionId") });
  if (!parsed.success) return;
  await db.channelSubscription.deleteMany({ where: { id: parsed.data.subscriptionId } });
  revalidatePath("/admin");
}
