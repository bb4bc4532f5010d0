// An incident's growth as new failures per day (local calendar days, oldest first), from the
// failure list's failedAt values: the dashboard needs no extra API route for it.

export function countPerDay(times: string[]): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const time of times) {
    const date = new Date(time);
    if (Number.isNaN(date.getTime())) continue;
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
}
