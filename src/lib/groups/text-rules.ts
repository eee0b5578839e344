import { isStorableText } from "@/lib/text";

// Names and places go into email subjects and calendar lines: one line, no control characters.
// Longer text may have line breaks, but nothing PostgreSQL cannot store.

export const SINGLE_LINE_MESSAGE = "Use one line of text, without control characters.";
export const STORABLE_MESSAGE = "This text holds characters that cannot be saved (such as NUL); please remove them.";

export function isSingleLine(value: string): boolean {
  return !/\p{Cc}/u.test(value) && isStorableText(value);
}

export function isStorableMultiline(value: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) && isStorableText(value);
}
