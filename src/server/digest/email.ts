import "server-only";
import { fromIsoDate } from "@/lib/dates";
import type { DigestPeriod } from "@/lib/digest-period";
import { collapseWhitespace, shorten } from "@/lib/text";
import { escapeHtml } from "@/server/email/html";
import { palette, renderEmailShell, renderLink, type RenderedEmail } from "@/server/email/layout";

export interface DigestPaper {
  id: string;
  title: string;
  abstract: string;
  authorCount: number;
  organization: string | null;
  upvotes: number;
}

/** One subscriber's papers: the trending section and the optional one from their follows. */
export interface DigestContentPapers {
  trending: DigestPaper[];
  /** With why each is there: "You follow NVIDIA", "Similar to a paper you saved or upvoted: “…”". */
  followed: (DigestPaper & { reason: string })[];
  /** The second section's heading: "For you" when ranked by the reader's model (default "From what you follow"). */
  followedHeading?: string;
}

export interface DigestEmailSettings {
  period: DigestPeriod;
  siteUrl: string;
  paperUrl: (id: string) => string;
}

export interface DigestRecipientLinks {
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const ABSTRACT_CHARACTERS = 280;
const day = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const range = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
const count = new Intl.NumberFormat("en-US");

// Intl puts thin and narrow no-break spaces around range dashes; some mail clients show them as boxes.
const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/g, " ");

function describePeriod(period: DigestPeriod): { subject: string; covered: string } {
  const first = fromIsoDate(period.firstDay);
  const last = fromIsoDate(period.lastDay);
  const covered = plainSpaces(
    period.firstDay === period.lastDay ? `on ${longDay.format(first)}` : `from ${longDay.formatRange(first, last)}`,
  );
  if (period.cadence === "DAILY") return { subject: `Trending papers · ${day.format(period.rankedAt)}`, covered };
  return { subject: `Trending papers of the week · ${plainSpaces(range.formatRange(first, last))}`, covered };
}

function paperMeta(paper: DigestPaper): string[] {
  return [
    `▲ ${count.format(paper.upvotes)} ${paper.upvotes === 1 ? "upvote" : "upvotes"}`,
    `${count.format(paper.authorCount)} ${paper.authorCount === 1 ? "author" : "authors"}`,
    ...(paper.organization ? [collapseWhitespace(paper.organization)] : []),
  ];
}

interface PaperFragments {
  title: string;
  /** After the `#position · ` prefix. */
  metaHtml: string;
  bodyHtml: string;
  metaText: string;
  bodyText: string;
}

function renderPaperFragments(paper: DigestPaper, settings: DigestEmailSettings): PaperFragments {
  const title = collapseWhitespace(paper.title);
  const abstract = shorten(collapseWhitespace(paper.abstract), ABSTRACT_CHARACTERS);
  const paperUrl = settings.paperUrl(paper.id);
  const links = [
    renderLink(paperUrl, "Read on Daily Papers"),
    renderLink(`https://arxiv.org/abs/${paper.id}`, "arXiv"),
    renderLink(`https://arxiv.org/pdf/${paper.id}`, "PDF"),
  ].join(" &nbsp;·&nbsp; ");
  const meta = paperMeta(paper);
  return {
    title,
    metaHtml: meta.map(escapeHtml).join(" &nbsp;·&nbsp; "),
    bodyHtml: `<h2 style="margin:0 0 6px;font-size:18px;line-height:1.35;"><a class="dp-text" href="${escapeHtml(paperUrl)}" style="color:${palette.text};text-decoration:none;">${escapeHtml(title)}</a></h2>
<p class="dp-muted" style="margin:0 0 8px;font-size:15px;color:${palette.muted};">${escapeHtml(abstract)}</p>
<p style="margin:0;font-size:14px;">${links}</p>`,
    metaText: meta.join(" · "),
    bodyText: [`   ${abstract}`, `   ${paperUrl}`, `   arXiv: https://arxiv.org/abs/${paper.id}`].join("\n"),
  };
}

/**
 * Renders the digests of one period. Everything but the recipient's links and paper selection is
 * the same for every subscriber, so each paper is rendered once and reused (a 10,000-subscriber
 * digest would otherwise spend much of its time re-formatting the same text).
 */
export function createDigestEmailRenderer(settings: DigestEmailSettings) {
  const { subject, covered } = describePeriod(settings.period);
  const why = settings.period.cadence === "DAILY" ? "the daily digest" : "the weekly digest";
  const fragments = new Map<string, PaperFragments>();
  const fragmentsOf = (paper: DigestPaper) => {
    let cached = fragments.get(paper.id);
    if (!cached) {
      cached = renderPaperFragments(paper, settings);
      fragments.set(paper.id, cached);
    }
    return cached;
  };

  const rowsHtml = (
    items: { part: PaperFragments; label: string }[],
  ) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${items
  .map(
    ({ part, label }) => `<tr><td class="dp-rule" style="padding:18px 0;border-top:1px solid ${palette.border};">
<p class="dp-muted" style="margin:0 0 4px;font-size:13px;color:${palette.muted};">${label} &nbsp;·&nbsp; ${part.metaHtml}</p>
${part.bodyHtml}
</td></tr>`,
  )
  .join("\n")}
</table>`;

  return (
    { trending, followed, followedHeading = "From what you follow" }: DigestContentPapers,
    links: DigestRecipientLinks,
  ): RenderedEmail => {
    const parts = trending.map(fragmentsOf);
    const followedParts = followed.map((paper) => ({ part: fragmentsOf(paper), reason: collapseWhitespace(paper.reason) }));
    const intro = `The ${trending.length === 1 ? "top trending paper" : `${trending.length} top trending papers`} added ${covered}, ranked by upvotes with a time decay.`;
    const followedHtml =
      followedParts.length > 0
        ? `<h2 class="dp-text" style="margin:28px 0 4px;font-size:20px;line-height:1.3;color:${palette.text};">${escapeHtml(followedHeading)}</h2>
${rowsHtml(followedParts.map(({ part, reason }) => ({ part, label: escapeHtml(reason) })))}`
        : "";
    const html = renderEmailShell({
      title: subject,
      preheader: parts[0]?.title ?? intro,
      bodyHtml: `<p class="dp-accent" style="margin:0 0 4px;font-size:13px;font-weight:600;letter-spacing:0.04em;text-transform:uppercase;color:${palette.accent};">Daily Papers · ${escapeHtml(subject.replace(/^.* · /, ""))}</p>
<h1 class="dp-text" style="margin:0 0 6px;font-size:24px;line-height:1.25;color:${palette.text};">${escapeHtml(subject.replace(/ · .*/, ""))}</h1>
<p class="dp-muted" style="margin:0 0 16px;color:${palette.muted};">${escapeHtml(intro)}</p>
${rowsHtml(parts.map((part, index) => ({ part, label: `#${index + 1}` })))}
${followedHtml}`,
      footerHtml: `You receive ${why} from ${renderLink(settings.siteUrl, "Daily Papers")}.<br>
${renderLink(links.preferencesUrl, "Manage preferences")} &nbsp;·&nbsp; ${renderLink(links.unsubscribeUrl, "Unsubscribe")}`,
    });
    const text = [
      subject,
      "",
      intro,
      "",
      ...parts.map((part, index) => `${index + 1}. ${part.title}\n   ${part.metaText}\n${part.bodyText}\n`),
      ...(followedParts.length > 0
        ? [
            followedHeading.toUpperCase(),
            "",
            ...followedParts.map(({ part, reason }) => `- ${part.title}\n   ${reason} · ${part.metaText}\n${part.bodyText}\n`),
          ]
        : []),
      "--",
      `You receive ${why} from Daily Papers (${settings.siteUrl}).`,
      `Manage preferences: ${links.preferencesUrl}`,
      `Unsubscribe: ${links.unsubscribeUrl}`,
    ].join("\n");
    return { subject, html, text };
  };
}

export type DigestEmailRenderer = ReturnType<typeof createDigestEmailRenderer>;
