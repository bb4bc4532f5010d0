// The canary probe: a mail that looks like a secure mail with a (fake) CPR number in its subject,
// which the DLP filter must refuse with an NDR. Its token rides in the Message-ID, a header and
// the subject, so the returning NDR is recognised whatever part of the original the server quotes.
import { CANARY_HEADER, canaryMessageId, canarySubject } from "@safetynet/core";
import { buildPlainMessage } from "./build-plain-message.js";

export function buildCanaryProbe(probe: { token: string; from: string; to: string; date?: Date }): Buffer {
  return buildPlainMessage({
    from: probe.from,
    to: probe.to,
    subject: canarySubject(probe.token),
    messageId: canaryMessageId(probe.token, probe.from),
    // No Auto-Submitted header: the probe must travel exactly as a caseworker's secure mail does.
    headers: [`${CANARY_HEADER}: ${probe.token}`],
    text: [
      "Dette er en automatisk kanarietest fra Sikkerhedsnet.",
      "",
      "Emnefeltet indeholder et fiktivt CPR-nummer, som DLP-filteret skal afvise. Den",
      "afvisningsmeddelelse (NDR), filteret sender, skal nå sikkerhedsnet-postkassen; når den",
      "gør det, ved vi, at kæden virker. Meddelelsen skal ikke besvares.",
      "",
      "This is an automatic canary test from Safety net: the DLP filter must refuse it.",
    ].join("\n"),
    ...(probe.date ? { date: probe.date } : {}),
  });
}
