import "server-only";
import { isWebLink } from "@/lib/groups/session-form";
import { formatZonedTime } from "@/lib/groups/zoned-time";
import { countOf } from "@/lib/plural";
import { escapeHtml } from "@/server/email/html";
import { palette, renderButton, renderEmailShell, renderLink } from "@/server/email/layout";
import type { OutgoingMail } from "@/server/email/mailer";

export interface ReminderEmail {
  to: string;
  group: { name: string; slug: string; timeZone: string };
  session: { startsAt: Date; timeZone: string; durationMinutes: number; presenter: string; location: string };
  papers: { title: string; url: string }[];
  questionCount: number;
  sessionUrl: string;
  unsubscribeUrl: string;
  host: string;
  /** The same for every attempt at this reminder, so a resend after a crash shows as one message. */
  messageId: string;
}

/** When, for how long, and in the session's own zone too when it is not the group's. */
function describeTime({ group, session }: ReminderEmail): string {
  const when = `${formatZonedTime(session.startsAt, group.timeZone)} (${group.timeZone})`;
  const there =
    session.timeZone === group.timeZone ? "" : `; ${formatZonedTime(session.startsAt, session.timeZone)} in ${session.timeZone}`;
  return `${when}${there}, for ${countOf(session.durationMinutes, "minute", "minutes")}`;
}

/** The day-before reminder of a reading group's session, with RFC 8058 one-click unsubscribe from the group's reminders. */
export function reminderEmail(reminder: ReminderEmail): OutgoingMail {
  const { group, session, papers } = reminder;
  const subject = `Reminder: ${group.name} meets ${formatZonedTime(session.startsAt, group.timeZone)}`;
  const time = describeTime(reminder);
  const questions =
    reminder.questionCount === 0
      ? "No questions yet: be the first to add one."
      : `${countOf(reminder.questionCount, "question", "questions")} so far.`;
  const text = [
    [
      `${group.name} meets ${time}.`,
      session.presenter && `Presenter: ${session.presenter}`,
      session.location && `Where: ${session.location}`,
    ]
      .filter(Boolean)
      .join("\n"),
    ["Papers:", ...papers.map((paper, index) => `${index + 1}. ${paper.title}\n   ${paper.url}`)].join("\n"),
    `${questions}\nThe agenda and the questions: ${reminder.sessionUrl}`,
    `You get this because you are a member of ${group.name}.\nStop reminders from this group: ${reminder.unsubscribeUrl}`,
  ].join("\n\n");
  const location = isWebLink(session.location) ? renderLink(session.location, session.location) : escapeHtml(session.location);
  const detail = (label: string, valueHtml: string) =>
    `<p class="dp-text" style="margin:0 0 4px;color:${palette.text};"><strong>${label}</strong> ${valueHtml}</p>`;
  const html = renderEmailShell({
    title: subject,
    preheader: `${time}. ${questions}`,
    bodyHtml: `<h1 class="dp-text" style="margin:0 0 12px;font-size:20px;line-height:1.3;color:${palette.text};">${escapeHtml(group.name)} meets soon</h1>
${detail("When:", escapeHtml(time))}
${session.presenter ? detail("Presenter:", escapeHtml(session.presenter)) : ""}
${session.location ? detail("Where:", location) : ""}
<h2 class="dp-text" style="margin:20px 0 8px;font-size:16px;color:${palette.text};">Papers</h2>
<ol class="dp-text" style="margin:0;padding-left:20px;color:${palette.text};">
${papers.map((paper) => `<li style="margin:0 0 6px;">${renderLink(paper.url, paper.title)}</li>`).join("\n")}
</ol>
<p class="dp-muted" style="margin:16px 0 0;color:${palette.muted};">${escapeHtml(questions)}</p>
${renderButton(reminder.sessionUrl, "See the agenda and questions")}`,
    footerHtml: `You get this because you are a member of ${escapeHtml(group.name)}. ${renderLink(reminder.unsubscribeUrl, "Stop reminders from this group")}`,
  });
  return {
    to: reminder.to,
    subject,
    html,
    text,
    messageId: reminder.messageId,
    headers: {
      "List-Unsubscribe": `<${reminder.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `${group.name.replace(/[<>"\r\n]/g, "")} reminders <${group.slug}.groups.${reminder.host}>`,
      "Auto-Submitted": "auto-generated",
    },
  };
}
