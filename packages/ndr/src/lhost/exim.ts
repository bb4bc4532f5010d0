// Exim (exim/src/deliver.c): "This message was created automatically by mail delivery
// software." then "  rcpt@example.org" lines, each followed by the indented error, optionally an
// RFC 3464 part (Exim 4.8x+). Delay warnings ("Warning: message ... delayed") become delays.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import {
  findAddress,
  findReplyCode,
  findSmtpCommand,
  findStatus,
  isAddress,
  normaliseAddress,
  parseDsnFields,
  preferStatus,
  readDeliveryStatus,
} from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// Subjects Exim uses (deliver.c, moan.c)
const TITLES = [
  "Delivery Status Notification",
  "Mail delivery failed",
  "Mail failure",
  "Message frozen",
  "Warning: message ",
  "error(s) in forwarding or filtering",
];
// First lines of the notice (deliver.c)
const STARTS = [
  "This message was created automatically by mail delivery software.",
  "A message that you sent was rejected by the local scannning code",
  "A message that you sent contained one or more recipient addresses ",
  "A message that you sent could not be delivered to all of its recipients",
  " has been frozen",
  " was frozen on arrival",
  " router encountered the following error(s):",
];
// The copy of the original starts here (deliver.c: bounce_return_body)
const ORIGINAL_MARKERS = [
  "------ This is a copy of the message",
  "----- This is a copy of the message",
  "Included is a copy of the message header:",
];

// Exim's own error strings (routers, transports) and what they mean
const MESSAGES: readonly [Reason, readonly string[]][] = [
  ["userunknown", ["user not found"]], // route.c: getpwnam() returned NULL
  [
    "hostunknown",
    [
      "all host address lookups failed permanently",
      "all relevant MX records point to non-existent hosts",
      "Unrouteable address",
    ],
  ],
  ["mailboxfull", ["mailbox is full", "error: quota exceed"]], // appendfile.c
  ["notaccept", ["an MX or SRV record indicated no SMTP service", "no host found for existing SMTP connection"]],
  [
    "syntaxerror",
    [
      "angle-brackets nested too deep",
      'expected word or "<"',
      "domain missing in source-routed address",
      "malformed address:",
    ],
  ], // parser.c
  [
    "systemerror",
    ["delivery to file forbidden", "delivery to pipe forbidden", "local delivery failed", "LMTP error after "],
  ],
  ["contenterror", ['Too many "Received" headers']],
];
// retry.c, smtp.c, deliver.c: the message is still queued or gave up waiting
const DELAYED = [
  "retry timeout exceeded",
  "No action is required on your part",
  "retry time not reached for any host after a long failure period",
  "all hosts have been failing for a long time and were last tried",
  "Delay reason: ",
  "has been frozen",
  "was frozen on arrival by ",
];

function isThirdParty(mail: MailView): boolean {
  const h = mail.headers;
  return (
    h.has("x-mx-bounce") ||
    h.has("x-mxl-hash") ||
    h.has("x-mxl-notehash") ||
    (h.get("message-id") ?? "").includes("<mxl~")
  );
}

export const exim: LhostModule = {
  name: "exim",
  detect(mail: MailView): boolean {
    let score = 0;
    if ((mail.headers.get("from") ?? "").includes("Mail Delivery System")) score++;
    if (TITLES.some((title) => mail.subject.includes(title))) score++;
    if (/^<[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}@/.test(mail.headers.get("message-id") ?? "")) score++;
    return score >= 2 || isThirdParty(mail);
  },
  parse(mail: MailView): LhostResult | null {
    const thirdParty = isThirdParty(mail);
    let body = mail.textParts[0] ?? "";
    for (const marker of ORIGINAL_MARKERS) {
      const at = body.indexOf(marker);
      if (at >= 0) body = body.slice(0, at);
    }
    const multipart = mail.root.parts.length > 0;
    const found: { address: string; alias: string | null; lines: string[]; another: string[] }[] = [];
    let reading = false;
    let frozen = "";
    const orphan: string[] = []; // indented lines before any recipient line ("pipe to |..." deliveries)
    for (const line of body.split("\n")) {
      if (!reading) {
        if (!STARTS.some((start) => line.includes(start))) continue;
        reading = true;
        if (!/ has been frozen| was frozen on arrival/.test(line)) continue;
      }
      if (line.trim() === "") continue;
      if (/ has been frozen| was frozen on arrival/.test(line)) {
        frozen = `${line} `;
        continue;
      }
      const address = recipientOf(line, thirdParty);
      if (address) {
        const last = found[found.length - 1];
        if (!last || last.address !== address.address)
          found.push({ address: address.address, alias: null, lines: address.rest ? [address.rest] : [], another: [] });
        continue;
      }
      const current = found[found.length - 1];
      if (!current) {
        if (line.startsWith(multipart ? " " : "  ")) orphan.push(line.trim());
        continue;
      }
      if (/ \(generated from | generated by /.test(line)) {
        const alias = findAddress(line);
        if (alias) current.alias = alias;
        continue;
      }
      if (multipart) {
        if (line.startsWith(" ")) current.another.push(line.trim());
      } else {
        current.lines.push(line.trim());
      }
    }
    let recipients: RawRecipient[];
    const dsn = readDeliveryStatus(mail);
    if (found.length === 0) {
      const failed = (mail.headers.get("x-failed-recipients") ?? "")
        .split(",")
        .map((v) => v.trim())
        .filter(isAddress);
      if (failed.length === 0 && !dsn) return null;
      recipients =
        failed.length > 0
          ? failed.map((address) => ({ address: normaliseAddress(address), action: "failed" as const }))
          : dsn!.recipients;
      found.push(...recipients.map((r) => ({ address: r.address, alias: null, lines: [], another: [...orphan] })));
    } else {
      recipients = found.map((f) => ({
        address: f.address.includes("@") ? f.address : (f.alias ?? f.address),
        action: "failed" as const,
      }));
    }
    const delayed = mail.subject.startsWith("Warning: message ") || /has not yet been delivered to/.test(body);
    recipients.forEach((recipient, index) => {
      const record = found[index];
      const fromDsn =
        dsn?.recipients.find((r) => r.address === recipient.address) ??
        (dsn && dsn.recipients.length === 1 ? dsn.recipients[0] : undefined) ??
        onlyBlock(mail);
      let diagnosis = fromDsn?.diagnosticCode ?? record?.lines.join(" ") ?? "";
      const another = record ? record.another.join(" ") || (multipart ? frozen : "") : "";
      if (another) {
        if (!diagnosis) diagnosis = another;
        else if (diagnosis.startsWith("-") || diagnosis.endsWith("__")) diagnosis = another;
        else if (diagnosis.length < another.length && another.toLowerCase().includes(diagnosis.toLowerCase()))
          diagnosis = another;
      }
      if (!multipart && frozen && !diagnosis) diagnosis = frozen;
      diagnosis = diagnosis.replace(/\s+/g, " ").trim();
      const cut = diagnosis.indexOf("__");
      if (cut > 0) diagnosis = diagnosis.slice(0, cut).trim();
      recipient.diagnosticCode = diagnosis || null;
      // Exim names the remote host in its error: "host mx.example.org [192.0.2.1]: 550 ..."
      recipient.remoteMta =
        fromDsn?.remoteMta ??
        /\bhost\s+([a-z0-9][-a-z0-9.]{0,252})\s+\[[0-9a-f.:]{2,45}\]/i.exec(diagnosis)?.[1] ??
        null;
      recipient.action = delayed ? "delayed" : (fromDsn?.action ?? "failed");
      if (fromDsn?.diagnosticType === "x-unix") recipient.diagnosticType = "x-unix";
      let command: string | null = null;
      if (diagnosis.includes("SMTP error from remote ") || diagnosis.includes("LMTP error after "))
        command = findSmtpCommand(diagnosis);
      recipient.smtpCommand = command;
      recipient.reason = reasonOf(command, diagnosis);
      const reply = findReplyCode(diagnosis);
      recipient.replyCode = reply;
      recipient.status = preferStatus(fromDsn?.status ?? null, findStatus(diagnosis), reply) ?? null;
    });
    return { recipients, reportingMta: dsn?.reportingMta ?? null, arrivalDate: dsn?.arrivalDate ?? null };
  },
};

/** The single DSN block of a delivery to a file or pipe (Final-Recipient without an address). */
function onlyBlock(mail: MailView): RawRecipient | undefined {
  const text = mail.deliveryStatus;
  if (!text) return undefined;
  const blocks = parseDsnFields(text).perRecipient;
  if (blocks.length !== 1) return undefined;
  const block = blocks[0]!;
  return {
    address: "",
    status: findStatus(block.status ?? ""),
    diagnosticCode: block["diagnostic-code"]?.replace(/^[^;]{1,20};\s*/, "") ?? null,
  };
}

function recipientOf(line: string, thirdParty: boolean): { address: string; rest: string } | null {
  // "  kijitora@example.jp", "  kijitora@example.jp <alias@example.org>: error", "  an undisclosed address"
  if (line.includes(" an undisclosed address")) return { address: line.trim(), rest: "" };
  if (
    !line.startsWith("  ") ||
    line[2] === " " ||
    line.indexOf("@") < 2 ||
    line.indexOf(".") < 2 ||
    line.includes("pipe to |")
  )
    return null;
  if (!thirdParty && line[2] === "<") return null;
  const angled = /<([^<>\s]+@[^<>\s]+)>:/.exec(line);
  if (angled) return { address: normaliseAddress(angled[1]!), rest: line.slice(line.indexOf(">:") + 2).trim() };
  const colon = line.lastIndexOf(": ");
  const candidate = normaliseAddress(line.slice(2, colon > 0 ? colon : undefined).trim());
  return isAddress(candidate) ? { address: candidate, rest: "" } : null;
}

function reasonOf(command: string | null, diagnosis: string): Reason | null {
  if (command === "EHLO" || command === "HELO") return "blocked"; // "Connected to ... but my name was rejected"
  if (command === "MAIL") return "onhold"; // sender rejected: too little to say more
  for (const [reason, phrases] of MESSAGES) if (phrases.some((phrase) => diagnosis.includes(phrase))) return reason;
  if (DELAYED.some((phrase) => diagnosis.includes(phrase))) return "expired";
  if (diagnosis.includes("pipe to |")) return "mailererror";
  return null;
}
