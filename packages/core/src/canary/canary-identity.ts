// How a canary probe recognises itself when its NDR comes back: a token of 32 letters (a UUID
// with its digits written as letters, so no digit run can look like a CPR number) in the
// probe's Message-ID, in an X-Safetynet-Canary header and in its subject (some gateways return
// only the subject of the original).
export const CANARY_HEADER = "X-Safetynet-Canary";
const PREFIX = "sn-canary.";
const TOKEN = /sn-canary\.([a-p]{32})\b/i;
const DIGIT_LETTERS = "ghijklmnop";

/** The probe token for a UUID (the CanaryRun's probeId is the token itself). */
export function canaryToken(uuid: string): string {
  return uuid
    .toLowerCase()
    .replace(/-/g, "")
    .replace(/[0-9]/g, (digit) => DIGIT_LETTERS[Number(digit)]!);
}

/** Message-ID of a probe, in the sender's domain (RFC 5322 section 3.6.4). */
export function canaryMessageId(token: string, fromAddress: string): string {
  const domain = fromAddress.split("@")[1] ?? "safetynet.invalid";
  return `<${PREFIX}${token}@${domain}>`;
}

/** The probe token in a Message-ID, header value or subject, or null when there is none. */
export function canaryTokenIn(value: string | null | undefined): string | null {
  const match = TOKEN.exec(value ?? "");
  return match ? match[1]!.toLowerCase() : null;
}

/** What a returned report tells about its original; the token is looked for in each. */
export function canaryTokenOfOriginal(original: { messageId: string | null; subject: string | null }): string | null {
  return canaryTokenIn(original.messageId) ?? canaryTokenIn(original.subject);
}

/**
 * The probe's subject: a synthetic, clearly fake CPR number with its label, which a DLP filter for
 * CPR numbers in subjects must block. 010203-1234 is the project's test number (not a valid
 * modulus-11 number, and labelled as fiction in the subject itself).
 */
export function canarySubject(token: string): string {
  return `Sikkerhedsnet kanarietest [${PREFIX}${token}]: CPR 010203-1234 (fiktivt testnummer, skal blokeres)`;
}
