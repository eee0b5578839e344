import "server-only";

/** Absolute links for emails, on the site's public URL. */
export function subscriptionLinks(siteUrl: string) {
  const url = (path: string) => new URL(path, siteUrl).toString();
  return {
    home: url("/"),
    subscribe: url("/subscribe"),
    confirm: (token: string) => url(`/subscribe/confirm?token=${encodeURIComponent(token)}`),
    /** The List-Unsubscribe target: POST unsubscribes (RFC 8058), GET leads to a page with a button. */
    unsubscribe: (manageToken: string) => url(`/api/unsubscribe/${manageToken}`),
    preferences: (manageToken: string) => url(`/preferences/${manageToken}`),
    paper: (paperId: string) => url(`/papers/${paperId}`),
  };
}

export type SubscriptionLinks = ReturnType<typeof subscriptionLinks>;
