// Exchange Online / Office 365 NDRs ("Undeliverable:", X-MS-Exchange-* headers, relays under
// *.protection.outlook.com): the text names the recipient ("kijitora@example.com<mailto:...>" or
// "Recipient Address:" in the newer "Original Message Details" layout) and quotes the remote
// server ("Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...'").
import type { MailView } from "../mime/mail-view.js";
import { findAddress, findReplyCode, findStatus, preferStatus, readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const RELAYS = [".outbound.protection.outlook.com", ".prod.outlook.com"];
const MS_HEADERS = [
  "x-ms-exchange-message-is-ndr",
  "x-microsoft-antispam-prvs",
  "x-exchange-antispam-report-test",
  "x-exchange-antispam-report-cfa-test",
  "x-ms-exchange-crosstenant-originalarrivaltime",
  "x-ms-exchange-crosstenant-fromentityheader",
  "x-ms-exchange-transport-crosstenantheadersstamped",
];
// Localised first lines of the notice (English, Danish, Dutch, Portuguese, German)
const STARTS = [
  " rejected your message to the following e",
  "Delivery has failed to these recipients or groups:",
  "Original Message Details",
  "Falha na entrega a estes destinat",
  "Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:",
  "Levering til disse modtagere eller grupper mislykkedes:",
  "blev ikke leveret",
  "Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:",
  "Your message to ",
  "Din meddelelse til ",
];
const ERROR_MARKERS = [
  "Diagnostic information for administrators:",
  "Diagnostische gegevens voor beheerders:",
  "Error Details",
  "stico para administradores:",
  "Oplysninger om diagnosticering for administratorer:",
  "Diagnoseinformationen für Administratoren:",
];
const END_MARKERS = [
  "Original message headers:",
  "Original Message Headers:",
  "Message Hops",
  "alhos originais da mensagem:",
  "Oorspronkelijke berichtkoppen:",
  "Oprindelige meddelelseshoveder:",
  "Ursprüngliche Nachrichtenkopfzeilen:",
];

export const office365: LhostModule = {
  name: "office365",
  detect(mail: MailView): boolean {
    let score = 0;
    if (/Undeliverable:|Onbestelbaar:|Não_entregue:|Ikke leveret:|Unzustellbar:/.test(mail.subject)) score++;
    if (MS_HEADERS.some((name) => mail.headers.has(name))) score++;
    if (RELAYS.some((relay) => mail.probe.received.includes(relay))) score++;
    if (RELAYS.some((relay) => mail.probe.messageId.includes(relay))) score++;
    return score >= 2;
  },
  parse: parseExchangeNdr,
};

/** The Exchange 2007+ / Exchange Online NDR layout, shared with exchange2007.ts. */
export function parseExchangeNdr(mail: MailView): LhostResult | null {
  const text = mail.textParts[0] ?? mail.text;
  const dsn = readDeliveryStatus(mail);
  const found: { address: string; diagnosis: string }[] = [];
  let reading = false;
  let inError = false;
  let reportingMta: string | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!reading) {
      if (STARTS.some((start) => raw.includes(start))) reading = true;
      else continue;
    }
    if (!line) continue;
    if (END_MARKERS.some((marker) => line.includes(marker))) break;
    const generating = /^(?:Generating server|Bronserver|Servidor de origem|Genererende server):\s*(\S+)/.exec(line);
    if (generating) {
      reportingMta = generating[1]!;
      continue;
    }
    const mailto = line.indexOf("<mailto:");
    if (mailto > 1 || line.startsWith("Recipient Address:")) {
      const address = findAddress(line);
      if (address && !found.some((f) => f.address === address)) found.push({ address, diagnosis: "" });
      continue;
    }
    if (ERROR_MARKERS.some((marker) => line.includes(marker))) {
      inError = true;
      continue;
    }
    if (inError) {
      // "kijitora@example.com" then "Remote Server returned '550 5.1.10 ...'"
      const bare = /^[^\s@<>]+@[^\s@<>]+$/.test(line) ? findAddress(line) : null;
      if (bare) {
        if (!found.some((f) => f.address === bare)) found.push({ address: bare, diagnosis: "" });
        continue;
      }
      const target = found.find((f) => !f.diagnosis) ?? found[found.length - 1];
      if (target) target.diagnosis = `${target.diagnosis} ${line}`.trim();
    }
  }
  const recipients: RawRecipient[] = [];
  const dsnRecipients = dsn?.recipients ?? [];
  const addresses = dsnRecipients.length > 0 ? dsnRecipients.map((r) => r.address) : found.map((f) => f.address);
  for (const address of addresses) {
    const fromDsn = dsnRecipients.find((r) => r.address === address);
    const fromText = found.find((f) => f.address === address) ?? (found.length === 1 ? found[0] : undefined);
    const quoted = fromText?.diagnosis.match(/returned '([^']*)'/i)?.[1] ?? fromText?.diagnosis ?? "";
    const diagnosis = fromDsn?.diagnosticCode || quoted || null;
    const replyCode = findReplyCode(diagnosis);
    const recipient: RawRecipient = {
      ...fromDsn,
      address,
      action: fromDsn?.action ?? "failed",
      diagnosticCode: diagnosis,
      replyCode,
      status: preferStatus(fromDsn?.status ?? null, findStatus(diagnosis), replyCode),
    };
    // "unknown recipient or mailbox unavailable -> ... @": the remote server refused the RCPT
    if (diagnosis && /unknown recipient or mailbox unavailable ->.*@/.test(diagnosis)) recipient.smtpCommand = "RCPT";
    recipients.push(recipient);
  }
  if (recipients.length === 0) return null;
  return { recipients, reportingMta: dsn?.reportingMta ?? reportingMta, arrivalDate: dsn?.arrivalDate ?? null };
}
