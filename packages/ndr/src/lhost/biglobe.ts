// BIGLOBE and the Japanese cable ISPs on its platform (inacatv, tmtv, ttv): "Returned mail: ..."
// from postmaster@<isp>.ne.jp, a text part with "----- The following addresses had delivery
// problems -----" (one bare address a line) and "----- Non-delivered information -----" (the
// error), then the original as message/rfc822 (Sisimai's Lhost::Biglobe).
import type { MailView } from "../mime/mail-view.js";
import { isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const PROVIDERS = ["@biglobe.ne.jp", "@inacatv.ne.jp", "@tmtv.ne.jp", "@ttv.ne.jp"];
const ADDRESSES = "----- The following addresses had delivery problems -----";
const ERROR = "----- Non-delivered information -----";

export const biglobe: LhostModule = {
  name: "biglobe",
  detect(mail: MailView): boolean {
    const from = mail.probe.fromLower;
    return (
      mail.probe.subject.startsWith("Returned mail:") &&
      from.includes("postmaster@") &&
      PROVIDERS.some((p) => from.includes(p))
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(ADDRESSES);
    if (start < 0) return null;
    const errorAt = text.indexOf(ERROR, start);
    const listEnd = errorAt < 0 ? Math.min(text.length, start + 20000) : errorAt;
    const addresses = text
      .slice(start + ADDRESSES.length, listEnd)
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.includes("@") && !l.includes(" ") && isAddress(l))
      .map((l) => normaliseAddress(l));
    if (addresses.length === 0) return null;
    const error =
      errorAt < 0
        ? ""
        : text
            .slice(errorAt + ERROR.length, errorAt + ERROR.length + 4000)
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => l && !l.includes("--"))
            .join(" ");
    return { recipients: addresses.map((address) => recipientFromText(address, error)) };
  },
  reasonRules: [
    // The ISP's mailbox holds too many messages: its quota is a message count
    { when: /number of messages in recipient's mailbox exceeded the local limit/, reason: "mailboxfull" },
    // BIGLOBE answers an unknown mailbox after accepting the message: a filter's refusal in Sisimai's terms
    { when: /mail delivery failed\.\.\. user unknown/, reason: "filtered" },
  ],
};
