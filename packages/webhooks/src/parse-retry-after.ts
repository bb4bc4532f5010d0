// Reads an HTTP Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Pure.

/** Milliseconds to wait, or null when the header is missing or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names its day and zone ("Fri, 04 Dec 2026 10:05:00 GMT"); a bare "-5" is no date.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
