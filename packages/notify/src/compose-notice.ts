// Pure notice composition: one person, one or more failed mails -> subject, plain text, HTML.
// Every dynamic value passes through scrub(), and so does the finished output: no CPR number.
import type { Cause } from "./causes.js";
import { formatDate } from "./format-date.js";
import { type Block, renderHtml, renderText } from "./render-blocks.js";
import { scrub } from "./scrub.js";
import { type TemplateStrings, templatesFor } from "./templates/index.js";
import type { AudienceRole, ComposedNotice, ComposeInput, FailedMail } from "./types.js";

/**
 * A notice names at most this many recipients of one mail: a mail merge that bounced for 10,000
 * citizens is one readable notice (and the full list stays with staff, in the failure list).
 */
export const LISTED_RECIPIENTS = 50;

function listed(addresses: readonly string[], t: TemplateStrings): string[] {
  if (addresses.length <= LISTED_RECIPIENTS) return [...addresses];
  return [...addresses.slice(0, LISTED_RECIPIENTS), t.moreRecipients(addresses.length - LISTED_RECIPIENTS)];
}

function causesOf(mail: FailedMail): Map<Cause, string[]> {
  const byCause = new Map<Cause, string[]>();
  for (const recipient of mail.recipients) {
    const list = byCause.get(recipient.cause) ?? [];
    list.push(recipient.address);
    byCause.set(recipient.cause, list);
  }
  return byCause;
}

function explain(mail: FailedMail, t: TemplateStrings, inbound: boolean): Block[] {
  const blocks: Block[] = [];
  const byCause = causesOf(mail);
  const several = byCause.size > 1;
  for (const [cause, addresses] of byCause) {
    const text = t.causes[cause];
    const prefix = several ? `${listed(addresses, t).map(scrub).join(", ")}: ` : "";
    blocks.push({ type: "paragraph", text: `${t.labels.why}: ${prefix}${text.why}` });
    if (!mail.systemic && !inbound) blocks.push({ type: "paragraph", text: `${t.labels.todo}: ${prefix}${text.todo}` });
  }
  if (mail.systemic) {
    blocks.push({
      type: "paragraph",
      text: t.systemic.why(mail.incidentKey ? scrub(mail.incidentKey) : null),
      strong: true,
    });
    if (!inbound) blocks.push({ type: "paragraph", text: `${t.labels.todo}: ${t.systemic.todo}` });
  }
  if (inbound) blocks.push({ type: "paragraph", text: `${t.labels.todo}: ${t.inboundTodo}` });
  return blocks;
}

function describeMail(
  mail: FailedMail,
  index: number,
  total: number,
  t: TemplateStrings,
  role: AudienceRole,
  timeZone?: string,
): Block[] {
  const inbound = role === "mailbox-owner";
  const unknown = t.labels.unknownValue;
  const when = (date: Date | null) => (date ? formatDate(date, t.locale, timeZone) : unknown);
  const rows = inbound
    ? [
        {
          label: t.labels.mailbox,
          values: listed(
            mail.recipients.map((r) => r.address),
            t,
          ).map(scrub),
        },
        { label: t.labels.fromDomain, values: [mail.senderDomain ? scrub(mail.senderDomain) : unknown] },
        { label: t.labels.sentAt, values: [when(mail.sentAt)] },
        { label: t.labels.failedAt, values: [when(mail.failedAt)] },
        { label: t.labels.messageId, values: [mail.originalMessageId ? scrub(mail.originalMessageId) : unknown] },
      ]
    : [
        ...(role === "manager" || role === "team"
          ? [{ label: t.labels.sender, values: [mail.sender ? scrub(mail.sender) : unknown] }]
          : []),
        { label: t.labels.sentAt, values: [when(mail.sentAt)] },
        {
          label: t.labels.notReached,
          values: listed(
            mail.recipients.map((r) => r.address),
            t,
          ).map(scrub),
        },
        { label: t.labels.subject, values: [mail.subjectMasked ? scrub(mail.subjectMasked) : unknown] },
        { label: t.labels.messageId, values: [mail.originalMessageId ? scrub(mail.originalMessageId) : unknown] },
        { label: t.labels.failedAt, values: [when(mail.failedAt)] },
      ];
  return [
    { type: "heading", text: t.labels.mail(index + 1, total) },
    { type: "fields", rows },
    ...explain(mail, t, inbound),
  ];
}

export function composeNotice(input: ComposeInput): ComposedNotice {
  const { audience, mails } = input;
  if (mails.length === 0) throw new Error("composeNotice needs at least one mail");
  const t = templatesFor(audience.language);
  const inbound = audience.role === "mailbox-owner";
  const count = mails.length;
  const blocks: Block[] = [{ type: "paragraph", text: `${t.greeting(audience.name ? scrub(audience.name) : null)},` }];
  blocks.push({ type: "paragraph", text: inbound ? t.introInbound(count) : t.introOutbound(count) });
  const behalf = audience.onBehalfOf;
  const senders = new Set(mails.map((mail) => mail.sender?.toLowerCase() ?? ""));
  if (behalf && (audience.role === "manager" || audience.role === "team") && senders.size === 1) {
    const who = behalf.name ? `${scrub(behalf.name)} (${scrub(behalf.address)})` : scrub(behalf.address);
    blocks.push({
      type: "paragraph",
      text: t.introOnBehalf(who, behalf.department ? scrub(behalf.department) : null, behalf.why, audience.role),
    });
  }
  if (!inbound) blocks.push({ type: "paragraph", text: t.receiptWasWrong, strong: true });
  if (count > 1) blocks.push({ type: "paragraph", text: t.digestNote(count) });
  for (const [index, mail] of mails.entries()) {
    blocks.push(...describeMail(mail, index, count, t, audience.role, input.timeZone));
  }
  blocks.push({ type: "rule" });
  blocks.push({ type: "paragraph", text: t.contact(scrub(input.contact)) });
  blocks.push({ type: "paragraph", text: t.footer });
  const subject = inbound ? t.subjectInbound(count) : t.subjectOutbound(count);
  return {
    subject: scrub(subject),
    text: scrub(renderText(blocks)),
    html: scrub(renderHtml(blocks, audience.language)),
  };
}
