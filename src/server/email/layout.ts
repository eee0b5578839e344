import "server-only";
import { escapeHtml } from "@/server/email/html";

// Email clients ignore stylesheets unevenly, so every element carries inline styles that are
// readable on their own (light). Clients that honour `prefers-color-scheme` (Apple Mail, iOS,
// Outlook apps) switch to the dark palette through the classes below; Gmail applies its own
// inversion to the light palette, which these mid-contrast colours survive.
export const palette = {
  page: "#f4f4f5",
  card: "#ffffff",
  border: "#e4e4e7",
  text: "#18181b",
  muted: "#52525b",
  accent: "#b45309",
  button: "#18181b",
  buttonText: "#ffffff",
} as const;

const DARK_STYLES = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    .dp-page { background-color: #09090b !important; }
    .dp-card { background-color: #18181b !important; border-color: #3f3f46 !important; }
    .dp-text { color: #f4f4f5 !important; }
    .dp-muted { color: #a1a1aa !important; }
    .dp-accent { color: #fbbf24 !important; }
    .dp-button { background-color: #fbbf24 !important; color: #18181b !important; }
    .dp-rule { border-color: #3f3f46 !important; }
  }
  @media (max-width: 620px) {
    .dp-card { padding: 20px 16px !important; border-radius: 0 !important; }
    .dp-outer { padding: 0 !important; }
  }
`;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailShell {
  title: string;
  /** The preview line inbox lists show next to the subject. */
  preheader: string;
  bodyHtml: string;
  footerHtml: string;
}

export function renderEmailShell({ title, preheader, bodyHtml, footerHtml }: EmailShell): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${DARK_STYLES}</style>
</head>
<body class="dp-page" style="margin:0;padding:0;background-color:${palette.page};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="dp-page" style="background-color:${palette.page};">
<tr><td class="dp-outer" align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td class="dp-card" style="background-color:${palette.card};border:1px solid ${palette.border};border-radius:12px;padding:28px 28px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:${palette.text};">
${bodyHtml}
</td></tr>
<tr><td class="dp-muted" style="padding:20px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:13px;line-height:1.5;color:${palette.muted};text-align:center;">
${footerHtml}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

export function renderButton(href: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0;"><tr><td class="dp-button" style="border-radius:8px;background-color:${palette.button};">
<a class="dp-button" href="${escapeHtml(href)}" style="display:inline-block;padding:12px 22px;border-radius:8px;background-color:${palette.button};color:${palette.buttonText};font-weight:600;text-decoration:none;">${escapeHtml(label)}</a>
</td></tr></table>`;
}

export function renderLink(href: string, label: string): string {
  return `<a class="dp-accent" href="${escapeHtml(href)}" style="color:${palette.accent};text-decoration:underline;">${escapeHtml(label)}</a>`;
}
