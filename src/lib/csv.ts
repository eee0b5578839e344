// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field that a
// spreadsheet could run as a formula is prefixed with ': one starting with =, +, - or @ (also after
// leading whitespace, and their fullwidth forms, which some spreadsheets fold to ASCII) or with a
// TAB or carriage return (OWASP's CSV injection list).
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends and a header row. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
