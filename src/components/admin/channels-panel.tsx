import { AddChannelForm } from "@/components/admin/add-channel-form";
import { AddSubscriptionForm } from "@/components/admin/add-subscription-form";
import { ChannelTestButton } from "@/components/admin/channel-test-button";
import { buttonClasses } from "@/components/ui/button";
import { changeChannelAction, removeSubscriptionAction } from "@/server/channels/admin-actions";
import type { ChannelSummary } from "@/server/channels/channels";
import type { SubscriptionSummary } from "@/server/channels/subscriptions";

const KIND_NAMES = { SLACK: "Slack", DISCORD: "Discord", MATRIX: "Matrix", WEBHOOK: "Webhook" } as const;

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function ChannelState({ channel }: { channel: ChannelSummary }) {
  if (channel.pausedAt && channel.failures > 0 && channel.lastError)
    return (
      <p data-testid="channel-state" className="text-sm font-medium text-red-700 dark:text-red-400">
        Broken, paused since {utc(channel.pausedAt)} after {channel.failures} failed deliveries. Last error: {channel.lastError}. Fix the
        webhook, send a test message, then resume.
      </p>
    );
  if (channel.pausedAt)
    return (
      <p data-testid="channel-state" className="text-sm text-amber-700 dark:text-amber-400">
        Paused since {utc(channel.pausedAt)}: nothing is posted until you resume it.
      </p>
    );
  if (channel.lastError && channel.lastErrorAt)
    return (
      <p data-testid="channel-state" className="text-sm text-amber-700 dark:text-amber-400">
        Posting, but the last attempt failed ({utc(channel.lastErrorAt)}): {channel.lastError}
      </p>
    );
  return (
    <p data-testid="channel-state" className="text-sm text-green-700 dark:text-green-400">
      Active.
    </p>
  );
}

function ChangeButton({ channelId, change, label }: { channelId: string; change: "pause" | "resume" | "remove"; label: string }) {
  return (
    <form action={changeChannelAction}>
      <input type="hidden" name="channelId" value={channelId} />
      <input type="hidden" name="change" value={change} />
      <button type="submit" className={buttonClasses({ size: "sm", tone: change === "remove" ? "danger" : "secondary" })}>
        {label}
      </button>
    </form>
  );
}

/** The console's chat channels: each with its state, what it posts, a test button; and the add form. */
export function ChannelsPanel({
  channels,
  subscriptions,
  keyConfigured,
}: {
  channels: ChannelSummary[];
  subscriptions: Map<string, SubscriptionSummary[]>;
  keyConfigured: boolean;
}) {
  return (
    <div>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
        Slack, Discord, Matrix and webhook channels get the papers you choose. Posting runs with <code>npm run channels</code> or{" "}
        <code>GET /api/cron/channels</code> every few minutes.
      </p>
      {channels.length === 0 ? (
        <p className="mt-3 text-gray-600 dark:text-gray-400">No channels yet.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-4">
          {channels.map((channel) => (
            <li key={channel.id} data-testid="channel" className="flex flex-col gap-2 border-t border-gray-100 pt-3 dark:border-gray-800">
              <p>
                <span className="font-semibold">{channel.name}</span>{" "}
                <span className="text-sm text-gray-600 dark:text-gray-400">
                  {KIND_NAMES[channel.kind]} · {channel.hint}
                  {channel.roomId ? ` · ${channel.roomId}` : ""}
                </span>
              </p>
              <ChannelState channel={channel} />
              <ul className="text-sm">
                {(subscriptions.get(channel.id) ?? []).map((subscription) => (
                  <li key={subscription.id} className="flex flex-wrap items-center gap-2">
                    <span>{subscription.description}</span>
                    <form action={removeSubscriptionAction}>
                      <input type="hidden" name="subscriptionId" value={subscription.id} />
                      <button type="submit" className="text-sm text-gray-600 underline hover:text-red-700 dark:text-gray-400">
                        Remove<span className="sr-only"> “{subscription.description}”</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
              <div className="flex flex-wrap items-center gap-2">
                <ChannelTestButton channelId={channel.id} />
                <ChangeButton
                  channelId={channel.id}
                  change={channel.pausedAt ? "resume" : "pause"}
                  label={channel.pausedAt ? "Resume" : "Pause"}
                />
                <ChangeButton channelId={channel.id} change="remove" label="Remove" />
              </div>
              <details>
                <summary className="cursor-pointer text-sm font-medium">Add a subscription</summary>
                <AddSubscriptionForm channelId={channel.id} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {keyConfigured ? (
        <AddChannelForm />
      ) : (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          To add channels, set <code>CHANNEL_SECRET_KEY</code> (make one with <code>openssl rand -base64 32</code>): webhooks are stored
          encrypted with it.
        </p>
      )}
    </div>
  );
}
