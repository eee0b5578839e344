/**
 * An upvote pressed while signed out, kept in this browser until the reader comes back signed in.
 * Sign-in finishes through an emailed link, often in another tab, so it lives in localStorage (not
 * sessionStorage, not the URL: a link must never be able to cast a vote), and only for a while.
 */
const KEY = "pending-upvote";
const LIFETIME_MS = 60 * 60 * 1000;

export function rememberPendingUpvote(paperId: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ paperId, at: Date.now() }));
  } catch {
    // Storage refused (private mode): the reader votes again after signing in.
  }
}

/** Whether an unexpired upvote for this paper is waiting; it is consumed, so it applies once. */
export function takePendingUpvote(paperId: string): boolean {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (!stored || typeof stored !== "object" || !("paperId" in stored) || !("at" in stored)) return false;
    const { paperId: pending, at } = stored;
    if (typeof at !== "number" || Date.now() - at > LIFETIME_MS) {
      localStorage.removeItem(KEY);
      return false;
    }
    if (pending !== paperId) return false;
    localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
