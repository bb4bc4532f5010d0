// The reason decision, in evidence order: (1) what the reporting MTA says explicitly (a module's
// reason or its own wording rules); (2) remote-host rules for receivers with their own codes;
// (3) the first pass: per reason, the enhanced status code where it is specific, guarded by the
// SMTP command and the diagnostic text (PROBES); (4) the second pass: the diagnostic text alone;
// (5) the status code's class, the Diagnostic-Code type, the reply code, the action, the command.
// The structure follows Sisimai v5 (reason/find.go), so results are comparable with it.
import type { Reason } from "@safetynet/core";
import type { Action } from "../types.js";
import { ldaReason } from "./lda-table.js";
import { rhostProvider, rhostReason } from "./rhost-table.js";
import { statusName } from "./status-table.js";
import { textSays as textSaysUncached } from "./text-table.js";

// One decision asks the same (reason, text) question several times; answer each once.
let memoText = "";
let memo = new Map<Reason, boolean>();
function textSays(reason: Reason, text: string): boolean {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  let answer = memo.get(reason);
  if (answer === undefined) {
    answer = textSaysUncached(reason, text);
    memo.set(reason, answer);
  }
  return answer;
}

export interface ReasonEvidence {
  explicit?: Reason | null;
  /** The bounce itself named the reason (a module's `reason`), not a guess: keep it even if weak-looking. */
  explicitIsFinal?: boolean;
  action: Action;
  status: string | null;
  replyCode: string | null;
  diagnostic: string | null;
  /** Diagnostic-Code type ("smtp", "x-unix", "x-postfix"); null means smtp. */
  diagnosticType?: string | null;
  smtpCommand: string | null;
  remoteMta: string | null;
  /** The MTA that wrote the report (Reporting-MTA), for remote-host rules. */
  reportingMta?: string | null;
  recipient: string;
  /**
   * The bounce's own human-readable notice (lower-cased or not), given when it reports on one
   * recipient only: a local delivery agent's message there speaks for that recipient.
   */
  notice?: string | null;
}

interface Facts {
  status: string;
  byStatus: Reason | "";
  text: string;
  command: string;
  replyCode: string;
}

/** Reasons a module may set that better evidence still overrides (Sisimai's GetRetried). */
const RETRY: ReadonlySet<string> = new Set([
  "undefined",
  "onhold",
  "systemerror",
  "securityerror",
  "expired",
  "networkerror",
  "hostunknown",
  "userunknown",
  "",
]);
/** SMTP commands sent before DATA: a rejection there cannot be about the content (RFC 5321 section 3.3). */
const BEFORE_DATA: ReadonlySet<string> = new Set(["CONN", "EHLO", "HELO", "MAIL", "RCPT"]);
const isExplicit = (reason: string): boolean => reason !== "" && reason !== "undefined" && reason !== "onhold";

/** First pass: each reason's test on status + command + text, tried in this order. */
const PROBES: readonly [Reason, (f: Facts) => boolean][] = [
  ["mailboxfull", (f) => f.byStatus === "mailboxfull" || textSays("mailboxfull", f.text)],
  [
    "mesgtoobig",
    (f) =>
      f.byStatus === "mesgtoobig" ||
      (f.byStatus !== "exceedlimit" && f.status !== "5.2.3" && textSays("mesgtoobig", f.text)),
  ],
  ["exceedlimit", (f) => f.byStatus === "exceedlimit" || textSays("exceedlimit", f.text)],
  ["suspend", (f) => f.replyCode === "525" || textSays("suspend", f.text)],
  ["hasmoved", (f) => textSays("hasmoved", f.text)],
  ["norelaying", (f) => !["CONN", "EHLO", "HELO"].includes(f.command) && textSays("norelaying", f.text)],
  ["authfailure", (f) => f.byStatus === "authfailure" || textSays("authfailure", f.text)],
  [
    "userunknown",
    (f) => {
      if (f.byStatus === "suspend") return false;
      if (f.byStatus === "userunknown") {
        // 5.1.1 with wording of another cause is that other cause (Postfix relays 5.1.1 for relay denials)
        return !(["norelaying", "blocked", "mailboxfull", "hasmoved", "rejected", "notaccept"] as const).some((other) =>
          textSays(other, f.text),
        );
      }
      return f.command === "RCPT" && textSays("userunknown", f.text);
    },
  ],
  [
    "filtered",
    (f) => {
      if (f.byStatus === "suspend") return false;
      if (f.byStatus === "filtered") return textSays("userunknown", f.text) || textSays("filtered", f.text);
      // a "user unknown" after DATA means a filter on the recipient's side refused it
      if (BEFORE_DATA.has(f.command)) return false;
      return textSays("filtered", f.text) || textSays("userunknown", f.text);
    },
  ],
  ["requireptr", (f) => f.byStatus === "requireptr" || textSays("requireptr", f.text)],
  ["notcompliantrfc", (f) => textSays("notcompliantrfc", f.text)],
  ["badreputation", (f) => textSays("badreputation", f.text)],
  ["contenterror", (f) => !spamProbe(f) && (f.byStatus === "contenterror" || textSays("contenterror", f.text))],
  [
    "rejected",
    (f) => {
      if (f.byStatus === "rejected") return true;
      const temp = f.byStatus || "undefined";
      if (f.command === "MAIL") return textSays("rejected", f.text);
      if (f.command === "DATA" && temp !== "userunknown") return textSays("rejected", f.text);
      if (!isExplicit(temp) || temp === "securityerror" || temp === "systemerror") return textSays("rejected", f.text);
      return false;
    },
  ],
  [
    "hostunknown",
    (f) => (f.byStatus === "hostunknown" ? !textSays("networkerror", f.text) : textSays("hostunknown", f.text)),
  ],
  ["spamdetected", (f) => spamProbe(f)],
  ["speeding", (f) => textSays("speeding", f.text)],
  ["toomanyconn", (f) => f.byStatus === "toomanyconn" || textSays("toomanyconn", f.text)],
  ["blocked", (f) => f.byStatus === "blocked" || textSays("blocked", f.text)],
];

function spamProbe(f: Facts): boolean {
  if (!f.status) return false;
  if (f.byStatus === "spamdetected") return true;
  if (BEFORE_DATA.has(f.command)) return false;
  return textSays("spamdetected", f.text);
}

/** Second pass: the text alone, in this order. */
const TEXT_ONLY: readonly Reason[] = [
  "mailboxfull",
  "authfailure",
  "badreputation",
  "speeding",
  "spamdetected",
  "virusdetected",
  "policyviolation",
  "norelaying",
  "systemerror",
  "networkerror",
  "suspend",
  "contenterror",
  "systemfull",
  "notaccept",
  "expired",
  "failedstarttls",
  "securityerror",
  "suppressed",
  "mailererror",
];

export function decideReason(evidence: ReasonEvidence): Reason {
  const explicit = evidence.explicit ?? "";
  if (explicit && (!RETRY.has(explicit) || (evidence.explicitIsFinal && isExplicit(explicit)))) return explicit;
  if (evidence.status?.startsWith("2.") || evidence.action === "delivered") return "delivered";

  const text = (evidence.diagnostic ?? "").toLowerCase().replace(/\s+/g, " ").slice(0, 8192);
  const command = (evidence.smtpCommand ?? "").toUpperCase();
  // An X-Unix Diagnostic-Code is the local mailer's exit status (sysexits.h): its own verdict,
  // which the notice's quoted agent output does not overrule
  const notice = evidence.notice && !evidence.diagnosticType?.toLowerCase().startsWith("x-unix") ? evidence.notice : "";
  const byAgent = ldaReason(notice ? `${notice.toLowerCase().slice(0, 4096)} ${text}` : text, command);
  if (byAgent) return byAgent;

  const domain = evidence.recipient.slice(evidence.recipient.lastIndexOf("@") + 1).toLowerCase();
  const provider = rhostProvider(domain, evidence.remoteMta, evidence.reportingMta ?? null);
  const byHost = rhostReason(provider, {
    text,
    status: evidence.status ?? "",
    replyCode: evidence.replyCode ?? "",
    command,
  });
  if (byHost) return byHost;

  const type = (evidence.diagnosticType || "smtp").toLowerCase();
  const facts: Facts = {
    status: evidence.status ?? "",
    byStatus: statusName(evidence.status),
    text,
    command,
    replyCode: evidence.replyCode ?? "",
  };
  if (type === "smtp") {
    // A reason the module named wins at its own place in the order, as each of Sisimai's
    // reason checks first answers yes when the lhost module already set that reason.
    for (const [reason, probe] of PROBES) if (reason === explicit || probe(facts)) return reason;
  }
  let reason: string = fallback(facts, type, explicit, evidence.action);
  if (reason === "undefined") reason = "";
  if (!reason && evidence.action === "delayed") reason = "expired";
  if (reason) return reason as Reason;
  if (textSays("vacation", text)) return "vacation";
  return text ? "onhold" : "undefined";
}

function fallback(f: Facts, type: string, explicit: string, action: Action): string {
  if (isExplicit(explicit)) return explicit;
  const byStatus = f.byStatus;
  // Sisimai's anotherone(): the text is tried first for SMTP diagnostics and for statuses that name
  // no specific cause; only another diagnostic type (X-Unix, X-Postfix ...) with a specific status
  // goes by the status alone
  if (!(RETRY.has(byStatus) || type === "smtp")) return byStatus;
  for (const reason of TEXT_ONLY) if (textSays(reason, f.text)) return reason;
  if (byStatus) return byStatus;
  const klass = f.status.slice(0, 3);
  if (klass === "5.6" || klass === "4.6") return "contenterror";
  if (klass === "5.7" || klass === "4.7") return "securityerror";
  if (type.startsWith("x-unix")) return "mailererror";
  const reply = Number(f.replyCode);
  if ((reply > 400 && reply < 408) || (reply > 500 && reply < 508)) return "syntaxerror";
  if (action === "delayed") return "expired";
  if (f.command === "EHLO" || f.command === "HELO") return "blocked";
  return "";
}
