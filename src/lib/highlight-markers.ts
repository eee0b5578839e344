// Private-use characters that wrap search matches: they cannot come from the query (it is
// stripped of them) and let the UI render matches as <mark> without treating text as HTML.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";
