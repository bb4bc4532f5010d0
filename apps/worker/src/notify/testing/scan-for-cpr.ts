// Test support: every captured byte of a notice, raw and decoded, checked by the cpr package
// and by a plain digit pattern, so neither a scorer blind spot nor an encoding hides a number.
import { containsCpr } from "@safetynet/cpr";
import type { CapturedMail } from "@safetynet/testing";

const DIGITS = /(?<!\d)\d{6}[-\s.]?\d{4}(?!\d)/;

export async function cprLeaks(mail: CapturedMail): Promise<string[]> {
  const parsed = await mail.parse();
  const texts = {
    raw: mail.raw.toString("latin1"),
    rawUtf8: mail.raw.toString("utf8"),
    headers: [...parsed.headers.entries()].map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join("\n"),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
  };
  const leaks: string[] = [];
  for (const [part, text] of Object.entries(texts)) {
    if (containsCpr(text)) leaks.push(`${part}: cpr package`);
    const hit = DIGITS.exec(text);
    if (hit)
      leaks.push(
        `${part}: digit pattern in ${JSON.stringify(text.slice(Math.max(0, hit.index - 40), hit.index).replace(/\d/g, "9"))}`,
      );
  }
  return leaks;
}
