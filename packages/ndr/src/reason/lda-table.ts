// Local delivery agents: when the last hop was the recipient's own delivery program (Dovecot's
// LDA, mail.local, procmail, maildrop, vpopmail, vmailmgr), its own message says what happened,
// whatever status the MTA wrapped around it (Sendmail writes 5.1.1 around Dovecot's "Not enough
// disk space"). Sisimai v5 asks this before the remote-host rules (lda/lib.go); the phrases are
// the agents' own (Dovecot src/plugins/quota, mail.local.c, procmail, vpopmail's vdelivermail).
import type { Reason } from "@safetynet/core";

interface Agent {
  /** How the agent signs its message, lower-cased. */
  marks: readonly string[];
  /** The agent's wording per reason; an agent message matching none is a mailer error. */
  says: readonly (readonly [Reason, readonly string[]])[];
}

const AGENTS: readonly Agent[] = [
  {
    // Dovecot LDA/LMTP rejection notice: "Your message to <%t> was automatically rejected:%n%r"
    marks: ["your message to <", "> was automatically rejected:"],
    says: [
      ["mailboxfull", ["not enough disk space", "quota exceeded"]],
      ["userunknown", ["mailbox doesn't exist: "]],
    ],
  },
  {
    marks: ["mail.local: "],
    says: [
      ["mailboxfull", ["disc quota exceeded", "mailbox full or quota exceeded"]],
      ["systemerror", ["temporary file write error"]],
      ["userunknown", [": invalid mailbox path", ": unknown user:", ": user missing home directory", ": user unknown"]],
    ],
  },
  {
    marks: ["procmail: ", "/procmail "],
    says: [
      ["mailboxfull", ["quota exceeded while writing", "user over quota"]],
      ["systemerror", ["service unavailable"]],
      ["systemfull", ["no space left to finish writing"]],
    ],
  },
  {
    marks: ["maildrop: "],
    says: [
      ["mailboxfull", ["maildir over quota."]],
      ["userunknown", ["cannot find system user", "invalid user specified."]],
    ],
  },
  {
    marks: ["vdelivermail: "],
    says: [
      ["filtered", ["user does not exist, but will deliver to "]],
      ["mailboxfull", ["domain is over quota", "user is over quota"]],
      ["suspend", ["account is locked email bounced"]],
      ["userunknown", ["sorry, no mailbox here by that name."]],
    ],
  },
  {
    marks: ["vdeliver: "],
    says: [
      ["mailboxfull", ["delivery failed due to system quota violation"]],
      [
        "userunknown",
        [
          "invalid or unknown base user or domain",
          "invalid or unknown virtual user",
          "user name does not refer to a virtual user",
        ],
      ],
    ],
  },
];

/**
 * The reason a local delivery agent's own message gives, or null when no agent signed the text.
 * `text` is lower-cased. Only for messages refused at delivery (no SMTP command, or DATA): an
 * agent's name in a reply to RCPT is a remote server quoting it, not the agent speaking.
 */
export function ldaReason(text: string, command: string): Reason | null {
  if (!text || (command !== "" && command !== "DATA")) return null;
  for (const agent of AGENTS) {
    if (!agent.marks.some((mark) => text.includes(mark))) continue;
    for (const [reason, phrases] of agent.says) if (phrases.some((p) => text.includes(p))) return reason;
    return "mailererror";
  }
  return null;
}
