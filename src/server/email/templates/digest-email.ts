import type { DigestPeriod } from "@/lib/digest-period";
import { collapseWhitespace } from "@/lib/text";
import type { RenderedEmail } from "./confirmation-email";
import { escapeHtml, shorten } from "./html";
import { palette, renderEmailShell, renderLink } from "./layout";

export interface DigestPaper {
  id: string;
  title: string;
  abstract: string;
  authorCount: number;
  organization: string | null;
  upvotes: number;
}

export interface DigestEmailInput {
  period: DigestPeriod;
  papers: DigestPaper[];
  siteUrl: string;
  paperUrl: (id: string) => string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const ABSTRACT_CHARACTERS = 280;
const day = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const range = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
const count = new Intl.NumberFormat("en-US");

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
// Intl puts thin and narrow no-break spaces around range dashes; some mail clients show them as boxes.
const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/g, " ");

function describePeriod(period: DigestPeriod): { subject: string; covered: string } {
  const first = utc(period.firstDay);
  const last = utc(period.lastDay);
  const covered = plainSpaces(period.firstDay === period.lastDay ? `on ${longDay.format(first)}` : `from ${longDay.formatRange(first, last)}`);
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

function renderPaperHtml(paper: DigestPaper, position: number, input: DigestEmailInput): string {
  const title = collapseWhitespace(paper.title);
  const abstract = shorten(collapseWhitespace(paper.abstract), ABSTRACT_CHARACTERS);
  const links = [
    renderLink(input.paperUrl(paper.id), "Read on Daily Papers"),
    renderLink(`https://arxiv.org/abs/${paper.id}`, "arXiv"),
    renderLink(`https://arxiv.org/pdf/${paper.id}`, "PDF"),
  ].join(" &nbsp;·&nbsp; ");
  return `<tr><td class="dp-rule" style="padding:18px 0;border-top:1px solid ${palette.border};">
<p class="dp-muted" style="margin:0 0 4px;font-size:13px;color:${palette.muted};">#${position} &nbsp;·&nbsp; ${paperMeta(paper).map(escapeHtml).join(" &nbsp;·&nbsp; ")}</p>
<h2 style="margin:0 0 6px;font-size:18px;line-height:1.35;"><a class="dp-text" href="${escapeHtml(input.paperUrl(paper.id))}" style="color:${palette.text};text-decoration:none;">${escapeHtml(title)}</a></h2>
<p class="dp-muted" style="margin:0 0 8px;font-size:15px;color:${palette.muted};">${escapeHtml(abstract)}</p>
<p style="margin:0;font-size:14px;">${links}</p>
</td></tr>`;
}

function renderPaperText(paper: DigestPaper, position: number, input: DigestEmailInput): string {
  return [
    `${position}. ${collapseWhitespace(paper.title)}`,
    `   ${paperMeta(paper).join(" · ")}`,
    `   ${shorten(collapseWhitespace(paper.abstract), ABSTRACT_CHARACTERS)}`,
    `   ${input.paperUrl(paper.id)}`,
    `   arXiv: https://arxiv.org/abs/${paper.id}`,
  ].join("\n");
}

export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const { subject, covered } = describePeriod(input.period);
  const intro = `The ${input.papers.length === 1 ? "top trending paper" : `${input.papers.length} top trending papers`} added ${covered}, ranked by upvotes.`;
  const why = input.period.cadence === "DAILY" ? "the daily digest" : "the weekly digest";
  const html = renderEmailShell({
    title: subject,
    preheader: collapseWhitespace(input.papers[0]?.title ?? intro),
    bodyHtml: `<p class="dp-accent" style="margin:0 0 4px;font-size:13px;font-weight:600;letter-spacing:0.04em;text-transform:uppercase;color:${palette.accent};">Daily Papers</p>
<h1 class="dp-text" style="margin:0 0 6px;font-size:24px;line-height:1.25;color:${palette.text};">${escapeHtml(subject.replace(/ · .*/, ""))}</h1>
<p class="dp-muted" style="margin:0 0 16px;color:${palette.muted};">${escapeHtml(intro)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${input.papers.map((paper, index) => renderPaperHtml(paper, index + 1, input)).join("\n")}
</table>`,
    footerHtml: `You receive ${why} from ${renderLink(input.siteUrl, "Daily Papers")}.<br>
${renderLink(input.preferencesUrl, "Manage preferences")} &nbsp;·&nbsp; ${renderLink(input.unsubscribeUrl, "Unsubscribe")}`,
  });
  const text = [
    subject,
    "",
    intro,
    "",
    ...input.papers.map((paper, index) => `${renderPaperText(paper, index + 1, input)}\n`),
    "--",
    `You receive ${why} from Daily Papers (${input.siteUrl}).`,
    `Manage preferences: ${input.preferencesUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
  ].join("\n");
  return { subject, html, text };
}
