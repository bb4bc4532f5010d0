// fml (Japanese mailing-list manager, X-MLServer: fml ...): notices from "<list>-admin@" that a
// post was refused ("You are not a member of this mailing list <list>.") or looped.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const END = "Original mail as follows:";
// "... <address>." closes the sentence that names the list or recipient
const ADDRESS_SENTENCE = /<([^<>\s]{1,300}@[^<>\s]{1,255})>\.\s*$/;
// fml's notice texts (fml 4 messages), per cause
const BODY_RULES: ReadonlyArray<[RegExp, Reason]> = [
  [
    /(?:Ignored )*NOT MEMBER article from |reject mail from \S+@\S+|reject since .{1,100} header may cause mail loop|reject spammers:|You are not a member of this mailing list/,
    "rejected",
  ],
  [/Duplicated Message-ID|fml .{1,100} has detected a loop condition so that|Loop Back Warning:/, "systemerror"],
  [/Security alert:/, "securityerror"],
];
// The same causes as fml names them in the notice's Subject
const SUBJECT_RULES: ReadonlyArray<[RegExp, Reason]> = [
  [
    /(?:Ignored )*NOT MEMBER article from |reject mail (?:.{1,100}:|from) |Spam mail from a spammer is rejected|You .{1,300} are not member/,
    "rejected",
  ],
  [/fml system error message|Loop Alert: |Loop Back Warning: |WARNING: UNIX FROM Loop/, "systemerror"],
  [/Security Alert/, "securityerror"],
];

export const fml: LhostModule = {
  name: "fml",
  detect(mail: MailView): boolean {
    return /^fml\b/i.test((mail.headers.get("x-mlserver") ?? "").trim()) && /-admin@/i.test(mail.from);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const endAt = text.indexOf(END);
    const lines = text
      .slice(0, endAt < 0 ? undefined : endAt)
      .split("\n")
      .slice(0, 500);
    const blocks: Array<{ address: string; lines: string[] }> = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const match = ADDRESS_SENTENCE.exec(line);
      if (match) blocks.push({ address: match[1]!, lines: [line] });
      else blocks.at(-1)?.lines.push(line);
    }
    if (blocks.length === 0) return null;
    const subject = mail.subject;
    const recipients = blocks.map((b): RawRecipient => {
      const diagnostic = b.lines.join(" ");
      const recipient = recipientFromText(b.address, diagnostic);
      recipient.reason =
        BODY_RULES.find(([p]) => p.test(diagnostic))?.[1] ?? SUBJECT_RULES.find(([p]) => p.test(subject))?.[1] ?? null;
      return recipient;
    });
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, [END]) };
  },
};
