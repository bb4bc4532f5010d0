// Test support: what in a webhook body looks like personal data: an e-mail address, a CPR number
// (by the cpr package and by a plain digit pattern, so neither's blind spot hides one), or any of
// the given strings (the subjects and addresses a test put into its NDRs).
import { containsCpr } from "@safetynet/cpr";

const ADDRESS = /[a-z0-9._%+=-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const DIGITS = /(?<!\d)\d{6}[-\s.]?\d{4}(?!\d)/;

export function findPersonalData(body: string, known: readonly string[] = []): string[] {
  const found: string[] = [];
  if (ADDRESS.test(body)) found.push("an e-mail address");
  if (containsCpr(body)) found.push("a CPR number (cpr package)");
  // Ids (uuids, incident keys: 16 hex digits and a sequence) may hold digit runs by chance.
  const withoutIds = body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\b[0-9a-f]{16}-\d+\b/g, "<key>");
  if (DIGITS.test(withoutIds)) found.push("a CPR-shaped digit run");
  for (const text of known) if (text && body.toLowerCase().includes(text.toLowerCase())) found.push(`"${text}"`);
  return found;
}
