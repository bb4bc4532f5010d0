// Dates as a Danish caseworker reads them, in Danish time (the servers run in UTC).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: Date, locale: string, timeZone = "Europe/Copenhagen"): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
