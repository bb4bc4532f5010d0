// The window a daily digest covers (the 24 hours before it) and the day whose daily check it
// reports: yesterday, as a calendar day where the team works (DIGEST_TZ).
export function digestWindow(now: Date, timeZone: string): { from: Date; to: Date; checkDay: string } {
  const yesterday = new Date(now.getTime() - 86_400_000);
  // en-CA writes dates as YYYY-MM-DD.
  const checkDay = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(yesterday);
  return { from: yesterday, to: now, checkDay };
}
