// Remote-host rules ("rhost", after Sisimai v5's rhost/for-*.go): big receivers document their
// own codes and wording, which say more than the enhanced status code. A provider applies when
// the recipient's domain, the remote MTA or the reporting MTA matches one of its hosts.
// Sources are the providers' published error-code pages, named per provider.
import type { Reason } from "@safetynet/core";

export interface RhostContext {
  /** Lower-cased diagnostic text. */
  text: string;
  status: string;
  replyCode: string;
  command: string;
}

export interface RhostProvider {
  name: string;
  source: string;
  /** Host suffixes (Sisimai's RhostClass). */
  hosts: readonly string[];
  /** Lower-cased phrases per reason, tried in order. */
  phrases?: readonly (readonly [Reason, readonly string[]])[];
  /**
   * Phrases that count only with their enhanced status code: `[status, phrase]` needs that exact
   * status; `[prefix, phrase, low, high]` a status under the prefix whose third number is in
   * [low, high]. Tried after `decide`, before `phrases`.
   */
  coded?: Readonly<Partial<Record<Reason, readonly CodedPhrase[]>>>;
  /** Provider-specific decision from codes (tried before phrases). */
  decide?: (ctx: RhostContext) => Reason | null;
}

export type CodedPhrase = readonly [status: string, phrase: string, low?: number, high?: number];

// Exchange Online / Microsoft 365: each of its replies pairs an enhanced status code with fixed
// wording ("5.4.316 Message expired, connection refused", "4.4.312 DNS query failed"); the same
// words under another code mean something else, so a phrase counts only with its code. From the
// Exchange Online NDR reference as collected by Sisimai v5 (rhost/for-microsoft.go, BSD-2).
const MICROSOFT_CODED: Readonly<Partial<Record<Reason, readonly CodedPhrase[]>>> = {
  authfailure: [
    ["4.7.26", "must pass either spf or dkim validation, this message is not signed"],
    ["5.7.23", "the message was rejected because of sender policy framework violation"],
    ["5.7.509", "does not pass dmarc verification"],
  ],
  badreputation: [["4.7.650", "has been temporarily rate limited due to ip reputation"]],
  blocked: [
    ["4.4.2", "connection dropped"],
    ["4.7.", "access denied, please try again later", 850, 899],
    ["5.7.25", "must have a reverse dns record"],
    ["5.7.506", "access denied, bad helo"],
    ["5.7.507", "access denied, rejected by recipient"],
    ["5.7.510", "does not accept email over ipv6"],
    ["5.7.511", "access denied, banned sender"],
    ["5.7.513", "using customer block list"],
    ["5.7.", "access denied, banned sending ip ", 606, 649],
    ["4.7.", "access denied, please try again later", 500, 699],
    ["5.5.4", "invalid domain name"],
    ["5.7.1", "part of their network is on our block list (s3150)"],
  ],
  contenterror: [
    ["5.3.0", "too many related errors"],
    ["5.6.11", "invalid characters"],
    ["5.4.11", "agent generated message depth exceeded"],
    ["5.5.6", "invalid message content"],
  ],
  exceedlimit: [["5.2.3", "resolver.rst.recipsizelimit; message too large for this recipient"]],
  expired: [
    ["4.4.1", "connection timed out"],
    ["4.4.7", "message delayed"],
    ["4.4.7", "queue expired; message expired"],
    ["4.4.7", "message expired"],
    ["5.4.300", "message expired"],
    ["5.4.316", "message expired"],
  ],
  failedstarttls: [
    ["4.4.8", " failed\u202fmta-sts\u202fvalidation"],
    ["5.4.8", " failed\u202fmta-sts\u202fvalidation"],
    ["4.4.317", "starttls is required to send mail"],
    ["5.4.317", "starttls is required to send mail"],
    ["4.7.5", "remote\u202fcertificate\u202ffailed\u202fmta-sts\u202fvalidation"],
    ["5.7.5", "remote\u202fcertificate\u202ffailed\u202fmta-sts\u202fvalidation"],
    ["5.7.51", "restrictdomainstoipaddresses or restrictdomainstocertificate"],
    ["4.7.321", "starttls-not-supported: destination mail server must support tls to receive mail"],
    ["5.7.321", "starttls-not-supported: destination mail server must support tls to receive mail"],
    ["5.7.322", "certificate-expired: destination mail server's certificate is expired"],
    ["4.7.323", "tlsa-invalid: The domain failed dane validation"],
    ["5.7.323", "tlsa-invalid: The domain failed dane validation"],
    ["4.7.324", "dnssec-invalid: destination domain returned invalid dnssec records"],
    ["5.7.324", "dnssec-invalid: destination domain returned invalid dnssec records"],
  ],
  mailboxfull: [["5.2.2", "mailbox full"]],
  mesgtoobig: [
    ["5.3.4", "message size exceeds fixed maximum message size"],
    ["5.3.4", "message too big for system"],
  ],
  networkerror: [
    ["5.4.4", "smtpsend.dns.nonexistentdomain; nonexistent domain"],
    ["5.4.6", "hop count exceeded - possible mail loop"],
    ["4.4.312", "dns query failed"],
    ["5.4.312", "dns query failed"],
    ["4.4.316", "connection refused"],
    ["5.4.316", "connection refused"],
    ["5.4.4", "invalid arguments"],
    ["5.4.6", "routing loop detected"],
    ["5.4.14", "routing loop detected"],
    ["4.4.312", "dns query failed"],
    ["5.4.312", "dns query failed"],
  ],
  norelaying: [
    ["5.7.1", "unable to relay"],
    ["5.7.1", "client was not authenticated"],
    ["5.4.1", "relay access denied"],
    ["5.7.1", "unable to relay"],
    ["5.7.64", "tenantattribution; relay access denied"],
    ["5.4.310", "does not exist"],
  ],
  notaccept: [
    ["4.3.2", "system not accepting network messages"],
    ["4.4.4", "hosted tenant which has no mail-enabled subscriptions"],
    ["5.3.2", "storedrv.deliver: missing or bad storedriver mdb properties"],
  ],
  policyviolation: [
    ["5.0.350", "x-dg-ref header is too long"],
    ["5.0.350", "requested action not taken: policy violation detected (as345)"],
    ["5.7.", "delivery not authorized, message refused", 900, 999],
  ],
  rejected: [
    ["5.1.7", "invalid address"],
    ["5.1.7", "unknown sender address"],
    ["5.1.0", "sender denied"],
    ["5.1.8", "access denied, bad outbound sender"],
    ["5.7.1", "delivery not authorized"],
    ["5.7.12", "sender was not authenticated by organization"],
    ["5.7.124", "sender not in allowed-senders list"],
    ["5.7.133", "sender not authenticated for group"],
    ["5.7.134", "sender was not authenticated for mailbox"],
    ["5.7.13", "sender was not authenticated for public folder"],
    ["5.7.135", "sender was not authenticated for public folder"],
    ["5.7.136", "sender was not authenticated"],
    ["5.7.", "access denied, spam abuse detected", 501, 503],
    ["5.7.512", "access denied, message must be rfc 5322 section 3.6.2 compliant"],
    ["5.7.750", "service unavailable. client blocked from sending from unregistered domains"],
    ["5.7.", "access denied, banned sender", 501, 503],
  ],
  securityerror: [
    ["5.7.3", "cannot achieve exchange server authentication"],
    ["5.7.3", "not authorized"],
    ["5.7.1", "client was not authenticated"],
    ["5.7.57", "client was not authenticated to send anonymous mail during mail from"],
  ],
  spamdetected: [["5.2.1", "content filter agent quarantined this message"]],
  speeding: [
    ["4.3.2", "storedrv.deliver; recipient thread limit exceeded"],
    ["5.1.90", "your message can't be sent because you've reached your daily limit for message recipients"],
    ["5.2.2", "submission quota exceeded"],
    ["5.2.121", "recipient's per hour message receive limit from specific sender exceeded"],
    ["5.2.122", "recipient's per hour message receive limit exceeded"],
    ["5.7.508", "has exceeded permitted limits within"],
    ["5.7.", "access denied, tenant has exceeded threshold", 700, 749],
    ["5.7.", "access denied, traffic not accepted from this ip", 700, 749],
  ],
  suspend: [
    ["5.7.504", "recipient address rejected: access denied"],
    ["5.7.505", "access denied, banned recipient"],
    ["5.2.1", "mailbox cannot be accessed"],
  ],
  syntaxerror: [
    ["5.3.3", "unrecognized command"],
    ["5.5.2", "send hello first"],
  ],
  systemerror: [
    ["4.3.2", "service not available"],
    ["4.3.2", "service not active"],
    ["5.3.5", "system incorrectly configured"],
    [
      "5.3.190",
      "journaling on-premises messages to microsoft 365 or office 365 not supported when journaling archive is disabled",
    ],
    ["5.0.0", "helo / ehlo requires domain address"],
    ["5.1.4", "destination mailbox address ambiguous"],
    ["5.2.4", "mailing list expansion problem"],
    ["5.2.14", "misconfigured forwarding address"],
    ["4.4.3", "temporary server error. please try again later attr18"],
    ["4.7.0", "temporary server error. please try again later. prx4 nexthop:"],
    ["4.4.24", "message failed to be replicated: insufficient system resource:"],
    [
      "4.4.25",
      "message failed to be replicated: no healthy secondary server available to accept replica at this time.",
    ],
    ["4.4.28", "message failed to be replicated: the operation was canceled"],
    ["4.4.318", "(suspiciousremoteservererror)"],
    ["5.4.318", "(suspiciousremoteservererror)"],
    ["4.7.500", "server busy. please try again later from "],
    ["4.7.700", "pfa agent busy, please try again."],
  ],
  systemfull: [["4.3.1", "insufficient system resources"]],
  toomanyconn: [
    ["5.5.3", "too many recipients"],
    ["4.5.3", "too many recipients"],
    ["4.7.652", "has exceeded the maximum number of connections"],
    ["5.2.122", "the recipient has exceeded their limit for"],
  ],
  userunknown: [
    ["5.1.1", "resolver.adr.exrecipnotfound; not found"],
    ["5.1.1", "user unknown"],
    ["5.1.3", "storedrv.submit; invalid recipient address"],
    ["5.1.", "recipient address reserved by rfc 2606", 4, 5],
    ["5.1.6", "recipient addresses in single label domains not accepted"],
    ["5.1.1", "bad destination mailbox address"],
    ["5.1.10", "recipient not found"],
    ["5.4.1", "recipient address rejected: access denied"],
    ["5.5.0", "requested action not taken: mailbox unavailable"],
    ["5.1.2", "invalid x.400 address"],
    ["5.1.351", "remote server returned unknown recipient or mailbox unavailable"],
  ],
};

function codedReason(
  coded: Readonly<Partial<Record<Reason, readonly CodedPhrase[]>>>,
  ctx: RhostContext,
): Reason | null {
  const third = Number(ctx.status.split(".")[2]);
  if (!ctx.status || Number.isNaN(third)) return null;
  for (const [reason, rows] of Object.entries(coded) as [Reason, readonly CodedPhrase[]][]) {
    for (const [status, phrase, low, high] of rows) {
      if (low === undefined || high === undefined) {
        if (ctx.status !== status) continue;
      } else if (!ctx.status.startsWith(status) || third < low || third > high) continue;
      if (ctx.text.includes(phrase)) return reason;
    }
  }
  return null;
}

/** "LPN007_416" / "OFR_416" style labels (La Poste, Orange). */
const FRANCE_PTT_CODES: Readonly<Record<string, Reason | "">> = {
  "101": "blocked",
  "102": "blocked",
  "103": "blocked",
  "104": "toomanyconn",
  "105": "",
  "107": "",
  "108": "",
  "109": "",
  "201": "",
  "305": "securityerror",
  "401": "authfailure",
  "402": "securityerror",
  "403": "rejected",
  "405": "rejected",
  "415": "rejected",
  "416": "userunknown",
  "417": "mailboxfull",
  "420": "suspend",
  "421": "rejected",
  "423": "",
  "424": "",
  "426": "suspend",
  "505": "systemerror",
  "506": "spamdetected",
  "510": "blocked",
  "513": "",
  "514": "mesgtoobig",
  "517": "authfailure",
  "630": "policyviolation",
  "999": "blocked",
};

/** Cox "AUP#CXBL" style codes. */
const COX_CODES: Readonly<Record<string, Reason>> = {
  CXBL: "blocked",
  CXDNS: "requireptr",
  CXSNDR: "authfailure",
  CXSMTP: "rejected",
  CXCNCT: "toomanyconn",
  CXMXRT: "toomanyconn",
  CDRBL: "blocked",
  CXTHRT: "securityerror",
  CXMJ: "securityerror",
  IPBL0001: "blocked",
  IPBL0010: "blocked",
  IPBL0100: "blocked",
  IPBL0011: "blocked",
  IPBL0101: "blocked",
  IPBL0110: "blocked",
  IPBL0111: "blocked",
  IPBL1000: "blocked",
  IPBL1001: "blocked",
  IPBL1010: "blocked",
  IPBL1011: "blocked",
  IPBL1100: "blocked",
  IPBL1101: "blocked",
  IPBL1110: "blocked",
  IPBL1111: "blocked",
  IPBL00001: "blocked",
  URLBL011: "spamdetected",
  URLBL101: "spamdetected",
  URLBL110: "spamdetected",
  URLBL1001: "spamdetected",
};

/** Spectrum "AUP#I1000" codes, as ranges. */
const SPECTRUM_CODES: readonly (readonly [number, number, Reason])[] = [
  [1000, 1000, "blocked"],
  [1010, 1010, "rejected"],
  [1020, 1080, "rejected"],
  [1090, 1090, "systemerror"],
  [1100, 1150, "requireptr"],
  [1160, 1190, "policyviolation"],
  [1200, 1210, "blocked"],
  [1220, 1250, "blocked"],
  [1260, 1260, "networkerror"],
  [1300, 1340, "toomanyconn"],
  [1350, 1490, "speeding"],
  [1500, 1500, "rejected"],
  [1520, 1520, "rejected"],
  [1530, 1530, "mesgtoobig"],
  [1540, 1550, "speeding"],
  [1560, 1560, "policyviolation"],
  [1580, 1580, "speeding"],
];

/** GoDaddy "IB506" codes. */
const GODADDY_CODES: Readonly<Record<string, Reason>> = {
  IB401: "securityerror",
  IB501: "notcompliantrfc",
  IB502: "notcompliantrfc",
  IB506: "rejected",
  IB508: "authfailure",
  IB108: "requireptr",
  IB212: "spamdetected",
  IB705: "virusdetected",
  IB605: "toomanyconn",
  IB007: "toomanyconn",
  IB101: "speeding",
  IB110: "blocked",
  IB111: "blocked",
  IB112: "blocked",
  IB113: "blocked",
  IB504: "speeding",
  IB510: "speeding",
  IB607: "speeding",
  IB103: "badreputation",
  IB104: "blocked",
  IB105: "blocked",
  IB106: "blocked",
};

/** Gmail SMTP error reference (support.google.com/a/answer/3726730): reply code, status, wording. */
const GOOGLE_RULES: readonly (readonly [Reason, string, string, string])[] = [
  ["authfailure", "451", "4.7.24", "the spf record of the sending domain"],
  ["authfailure", "550", "5.7.24", "the spf record of the sending domain"],
  ["authfailure", "421", "4.7.26", "senders to authenticate with either spf or dkim"],
  ["authfailure", "550", "5.7.26", "senders to authenticate with either spf or dkim"],
  ["authfailure", "550", "5.7.26", "fails to pass spf checks for an spf record with a hard fail"],
  ["authfailure", "550", "5.7.26", "has an spf record with a hard fail policy"],
  ["authfailure", "451", "4.7.26", "is not accepted due to domain's dmarc policy"],
  ["authfailure", "550", "5.7.26", "is not accepted due to domain's dmarc policy"],
  ["authfailure", "550", "5.7.1", "fails to pass authentication checks"],
  ["authfailure", "550", "5.7.26", "fails to pass authentication checks"],
  ["authfailure", "421", "4.7.27", "senders to authenticate with spf"],
  ["authfailure", "421", "4.7.27", "senders to authenticate their email with spf"],
  ["authfailure", "550", "5.7.27", "senders to authenticate with spf"],
  ["authfailure", "421", "4.7.30", "senders to authenticate their email with dkim"],
  ["authfailure", "550", "5.7.30", "senders to authenticate with dkim"],
  ["authfailure", "421", "4.7.32", "aligned with either the authenticated spf or dkim"],
  ["authfailure", "421", "4.7.40", "to add a dmarc record to "],
  ["badreputation", "421", "4.7.0", "very low reputation of the sending ip address"],
  ["badreputation", "421", "4.7.0", "very low reputation of the sending domain"],
  ["badreputation", "550", "5.7.1", "due to the very low reputation of the sending ip address"],
  ["badreputation", "550", "5.7.1", "due to the very low reputation of the sending domain"],
  ["blocked", "421", "4.7.0", "ip not in whitelist for rcpt domain"],
  ["blocked", "421", "4.7.0", "try again later, closing connection."],
  ["blocked", "501", "5.5.4", "empty helo/ehlo argument not allowed"],
  ["blocked", "501", "5.5.4", "helo/ehlo argument is invalid"],
  ["blocked", "421", "4.7.0", "an unusual rate of unsolicited mail"],
  ["blocked", "421", "4.7.28", "an unusual rate of mail"],
  ["blocked", "550", "5.7.1", "an unusual rate of unsolicited mail"],
  ["blocked", "550", "5.7.28", "an unusual rate of unsolicited mail"],
  ["exceedlimit", "552", "5.2.3", "exceeded google's message size limits"],
  ["exceedlimit", "552", "5.3.4", "exceeds google's limit of limit attachments."],
  ["exceedlimit", "552", "5.3.4", "your message exceeded google's message header size limits"],
  ["exceedlimit", "552", "5.3.4", "bytes per individual header size"],
  ["exceedlimit", "552", "5.3.4", "exceeds google's header name limit of"],
  ["exceedlimit", "552", "5.3.4", "exceeds google's message header size limit"],
  ["expired", "421", "4.7.0", "connection expired"],
  ["expired", "451", "4.4.2", "timeout - closing connection"],
  ["failedstarttls", "530", "5.7.0", "must issue a starttls command first"],
  ["failedstarttls", "454", "5.5.1", "starttls may not be repeated"],
  ["failedstarttls", "421", "4.7.0", "tls required for rcpt domain"],
  ["failedstarttls", "421", "4.7.29", "senders to use tls/ssl for smtp"],
  ["failedstarttls", "550", "5.7.29", "senders to use tls/ssl for smtp"],
  ["mailboxfull", "452", "4.2.2", "inbox is out of storage space"],
  ["mailboxfull", "552", "5.2.2", "inbox is out of storage space and inactive"],
  ["mailboxfull", "452", "4.2.2", "is over quota"],
  ["mailboxfull", "552", "5.2.2", "is over quota"],
  ["mailboxfull", "550", "5.7.1", "email quota exceeded"],
  ["mesgtoobig", "552", "5.3.4", "exceeded google's message size limits"],
  ["mesgtoobig", "552", "5.3.4", "exceeds google's message size limit of"],
  ["networkerror", "554", "5.4.6", "message exceeded 50 hops"],
  ["networkerror", "554", "5.6.0", "message exceeded 50 hops"],
  ["norelaying", "550", "5.7.0", "mail relay denied"],
  ["norelaying", "550", "5.7.1", "invalid credentials for relay"],
  ["norelaying", "550", "5.7.1", "is not authorized to send email directly to our servers"],
  ["notcompliantrfc", "550", "5.7.1", "missing a valid address in the from: header"],
  ["notcompliantrfc", "550", "5.7.1", "multiple addresses in from: header are not accepted"],
  ["notcompliantrfc", "550", "5.7.1", "is not rfc 5322 compliant"],
  ["notcompliantrfc", "550", "5.7.1", "missing a valid message-id: header"],
  ["notcompliantrfc", "550", "5.7.1", "contains a unicode character in a disallowed header"],
  ["notcompliantrfc", "550", "5.7.1", "encoded-word syntax is not permitted"],
  ["notcompliantrfc", "553", "5.1.7", "is not a valid rfc 5321 address"],
  ["notcompliantrfc", "554", "5.6.0", "mail message is malformed"],
  ["policyviolation", "552", "5.7.0", "illegal attachment on your message"],
  ["policyviolation", "552", "5.7.0", "blocked because its content presents a potential security issue"],
  ["policyviolation", "550", "5.7.1", "you are sending to (or from) has a policy that prohibited"],
  ["policyviolation", "421", "4.7.28", "sending messages with the same message-id:"],
  ["rejected", "550", "5.7.0", "mail sending denied"],
  ["rejected", "550", "5.7.1", "unauthenticated email is not accepted"],
  ["requireptr", "421", "4.7.0", "does not have a ptr record"],
  ["requireptr", "421", "4.7.23", " have a ptr record, or the ptr record"],
  ["requireptr", "550", "5.7.1", "does not meet ipv6 sending guidelines regarding ptr records and authentication"],
  ["requireptr", "550", "5.7.25", "does not have a ptr record"],
  ["requireptr", "550", "5.7.25", "does not match the ip address of the hostname"],
  ["securityerror", "454", "4.7.0", "too many login attempts"],
  ["securityerror", "501", "5.5.2", "cannot decode response"],
  ["securityerror", "503", "5.7.0", "no identity changes permitted"],
  ["securityerror", "530", "5.5.1", "authentication required."],
  ["securityerror", "530", "5.7.0", "authentication required."],
  ["securityerror", "535", "5.7.1", "application-specific password required"],
  ["securityerror", "535", "5.7.9", "application-specific password required"],
  ["securityerror", "535", "5.7.1", "please log in with your web browser"],
  ["securityerror", "534", "5.7.9", "please log in with your web browser"],
  ["securityerror", "534", "5.7.14", "please log in through your web browser"],
  ["securityerror", "535", "5.7.1", "username and password not accepted"],
  ["securityerror", "535", "5.7.8", "username and password not accepted"],
  ["spamdetected", "421", "4.7.0", "due to the nature of the content or the links within"],
  ["spamdetected", "550", "5.7.1", "likely unsolicited mail"],
  ["speeding", "450", "4.2.1", "is receiving mail too quickly"],
  ["speeding", "450", "4.2.1", "peak smtp relay limit exceeded for customer"],
  ["speeding", "450", "4.2.1", "rate that prevents additional messages from being delivered"],
  ["speeding", "550", "5.2.1", "rate that prevents additional messages from being delivered"],
  ["speeding", "550", "5.4.5", "daily sending quota exceeded"],
  ["speeding", "550", "5.4.5", "daily user sending limit exceeded"],
  ["speeding", "550", "5.4.5", "daily smtp relay limit exceeded for"],
  ["speeding", "550", "5.7.1", "daily smtp relay limit exceeded for"],
  ["speeding", "550", "5.7.1", "daily smtp relay sending limit exceeded for"],
  ["speeding", "550", "5.7.1", "this mail has been rate limited"],
  ["suspend", "550", "5.2.1", "account that you tried to reach is disabled"],
  ["suspend", "550", "5.2.1", "account that you tried to reach is inactive"],
  ["syntaxerror", "451", "4.5.0", "smtp protocol violation"],
  ["syntaxerror", "454", "4.5.0", "smtp protocol violation"],
  ["syntaxerror", "525", "5.7.10", "smtp protocol violation"],
  ["syntaxerror", "535", "5.5.4", "optional argument not permitted"],
  ["syntaxerror", "501", "5.7.11", "syntax error"],
  ["syntaxerror", "501", "5.5.2", "syntax error"],
  ["syntaxerror", "555", "5.5.2", "syntax error"],
  ["syntaxerror", "502", "5.5.1", "too many unrecognized commands, goodbye"],
  ["syntaxerror", "502", "5.5.1", "unimplemented command"],
  ["syntaxerror", "502", "5.5.1", "unrecognized command"],
  ["syntaxerror", "503", "5.5.1", "bad sequence of commands"],
  ["syntaxerror", "503", "5.5.1", "ehlo/helo first"],
  ["syntaxerror", "503", "5.5.1", "mail first"],
  ["syntaxerror", "503", "5.5.1", "rcpt first"],
  ["syntaxerror", "503", "5.5.1", "no data after bdat"],
  ["syntaxerror", "504", "5.7.4", "unrecognized authentication type"],
  ["syntaxerror", "504", "5.7.4", "xoauth is no longer supported"],
  ["syntaxerror", "554", "5.7.0", "too many unauthenticated commands"],
  ["systemerror", "421", "4.3.0", "temporary system problem"],
  ["systemerror", "421", "4.7.0", "temporary system problem"],
  ["systemerror", "421", "4.4.5", "server busy"],
  ["systemerror", "451", "4.3.0", "multiple destination domains per transaction is unsupported"],
  ["systemerror", "451", "4.3.0", "mail server has temporarily rejected this message"],
  ["systemerror", "451", "4.3.0", "mail server temporarily rejected message"],
  ["systemerror", "452", "4.5.3", "domain policy size per transaction exceeded"],
  ["systemerror", "454", "4.7.0", "cannot authenticate due to temporary system problem"],
  ["toomanyconn", "452", "4.5.3", "your message has too many recipients"],
  ["toomanyconn", "550", "5.5.3", "too many recipients for this sender"],
  ["userunknown", "550", "5.1.1", "the email account that you tried to reach does not exist"],
  ["userunknown", "553", "5.1.2", "we weren't able to find the recipient domain"],
  ["userunknown", "553", "5.1.3", "is not a valid rfc 5321 address"],
];

/** Facebook postmaster response codes (facebook.com/postmaster/response_codes). */
const FACEBOOK_CODES: Readonly<Record<string, Reason>> = {
  "POL-P7": "authfailure",
  "POL-P1": "blocked",
  "POL-P2": "blocked",
  "POL-P3": "blocked",
  "POL-P4": "blocked",
  "POL-T1": "blocked",
  "POL-T2": "blocked",
  "POL-T3": "blocked",
  "MSG-P2": "contenterror",
  "RCP-P2": "filtered",
  "RCP-P3": "filtered",
  "MSG-P1": "mesgtoobig",
  "INT-P2": "mesgtoobig",
  "MSG-P3": "notcompliantrfc",
  "DNS-P1": "rejected",
  "DNS-P2": "rejected",
  "DNS-T1": "rejected",
  "DNS-P3": "requireptr",
  "DNS-T2": "requireptr",
  "POL-P6": "spamdetected",
  "RCP-T4": "suspend",
  "RCP-T1": "systemerror",
  "CON-T1": "toomanyconn",
  "CON-T2": "toomanyconn",
  "CON-T3": "toomanyconn",
  "CON-T4": "toomanyconn",
  "MSG-T1": "toomanyconn",
  "RCP-P1": "userunknown",
  "INT-P1": "userunknown",
  "INT-P3": "userunknown",
  "INT-P4": "userunknown",
  "POL-P5": "virusdetected",
};

/** i.ua error pages mail.i.ua/err/N/. */
const IUA_CODES: Readonly<Record<string, Reason>> = {
  "1": "norelaying",
  "2": "userunknown",
  "3": "suspend",
  "4": "mailboxfull",
  "5": "toomanyconn",
  "6": "norelaying",
  "7": "blocked",
  "8": "rejected",
  "9": "blocked",
  "10": "filtered",
};

export const RHOST_PROVIDERS: readonly RhostProvider[] = [
  {
    name: "microsoft",
    source:
      "Exchange Online NDR reference (learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online)",
    hosts: [".prod.outlook.com", ".protection.outlook.com", ".onmicrosoft.com", ".exchangelabs.com"],
    decide: ({ text, status }) => {
      const detail = /^5\.7\.(\d+)$/.exec(status);
      // 5.7.900-5.7.999: custom codes of the recipient organisation's transport rules
      if (detail && Number(detail[1]) >= 900) return "policyviolation";
      if (/^5\.7\.(?:6[0-4]\d)$/.test(status) && text.includes("banned sending ip")) return "blocked";
      return null;
    },
    phrases: [
      [
        "policyviolation",
        [
          "transport.rules.rejectmessage",
          "rejected by organization policy",
          "message bounced due to organizational settings",
        ],
      ],
    ],
    coded: MICROSOFT_CODED,
  },
  {
    name: "outlook",
    source: "Outlook.com/Hotmail SMTP replies (technet bb232118)",
    hosts: [".hotmail.com"],
    phrases: [
      ["hostunknown", ["the mail could not be delivered to the recipient because the domain is not reachable"]],
      ["userunknown", ["requested action not taken: mailbox unavailable"]],
    ],
  },
  {
    name: "gsuite",
    source: "Google Workspace bounce texts (workspace.google.com)",
    hosts: ["googlemail.com"],
    decide: ({ text, status, replyCode }) => {
      const s = status[0] ?? "";
      const r = replyCode[0] ?? "";
      if (text.includes("because the address couldn't be found. check for typos or unnecessary spaces and try again."))
        return "userunknown";
      if (text.includes("null mx")) return "notaccept";
      const nx = text.includes(" responded with code nxdomain") || text.includes("domain name not found");
      if (nx && s === "5" && r === "5") return "hostunknown";
      if ((nx || text.includes(" had no relevant answers.")) && s !== "5" && r !== "5") return "networkerror";
      return null;
    },
  },
  {
    name: "kddi",
    source: "au/KDDI mail errors (au.com support)",
    hosts: [".ezweb.ne.jp", "msmx.au.com"],
    phrases: [
      ["filtered", ["550 : user unknown"]],
      ["userunknown", [">: user unknown"]],
    ],
  },
  {
    name: "nttdocomo",
    source: "NTT DOCOMO mfsmax replies (go-sisimai issue 64)",
    hosts: ["mfsmax.docomo.ne.jp"],
    decide: ({ text, status, command }) => {
      if (status === "5.1.1") return "userunknown";
      if (status === "5.2.0") return "filtered";
      for (const [reason, phrases] of [
        ["mailboxfull", ["552 too much mail data"]],
        ["syntaxerror", ["503 bad sequence of commands", "504 command parameter not implemented"]],
        ["toomanyconn", ["552 too many recipients"]],
      ] as const) {
        if (phrases.some((p) => text.includes(p))) return reason;
      }
      // "550 Unknown user" is read by the command: at RCPT the address, after DATA a domain filter
      if (status === "5.0.0" && command === "RCPT") return "userunknown";
      if (status === "5.0.0" && command === "DATA") return "rejected";
      return null;
    },
  },
  {
    name: "francept",
    source: "Orange / La Poste error codes (postmastery.com orange-postmaster-smtp-error-codes-ofr)",
    hosts: [".laposte.net", ".orange.fr", ".wanadoo.fr"],
    decide: ({ text }) => {
      const issued = text.replace(/_/g, "-");
      for (const label of ["lpn", "lpnaaa", "ofr", "ouk"]) {
        const at = issued.lastIndexOf(label);
        if (at < 0) continue;
        const token = issued.slice(at).split(" ")[0]!;
        for (const [code, reason] of Object.entries(FRANCE_PTT_CODES)) if (token.endsWith(code)) return reason || null;
        break;
      }
      return issued.includes("spf/dns de votre nom de domaine") ? "authfailure" : null;
    },
  },
  {
    name: "messagelabs",
    source: "Symantec Email Security.cloud error codes (knowledge.broadcom.com 169652)",
    hosts: [".messagelabs.com"],
    // "542 <address> Rejected": Email Security.cloud's refusal of a recipient its customer does not have
    decide: ({ text }) => (/(?:^|\s)542 [^\s]{1,320} rejected/.test(text) ? "userunknown" : null),
    phrases: [
      ["authfailure", ["domain authentication fail"]],
      ["badreputation", ["connection rejected by policy"]],
      [
        "blocked",
        [
          "mail rejected because your ip is in the pbl",
          "your ip address has been ",
          "your ip address (ip-addr) has been blocked",
          "your email address (addr) has been blocked",
        ],
      ],
      ["contenterror", ["stray linefeeds in message"]],
      ["failedstarttls", ["tls/sslv3 connection required"]],
      ["norelaying", [" as a relay, "]],
      ["notcompliantrfc", ["550 requested action aborted [4]", "has detected that this message is not rfc 5322"]],
      [
        "rejected",
        [
          "sender envelope domain not allowed for sender ip address",
          "your domain has been blocked",
          "your email address has been blocked",
          "your envelope sender is in my badmailfrom list",
          "your email address has been blacklisted",
          "your domain has been blacklisted",
        ],
      ],
      ["securityerror", ["please turn on smtp authentication in your mail client"]],
      ["spamdetected", ["message filtered", "filtered by outbound scanning"]],
      ["toomanyconn", ["too many recipients received this hour", "too many messages"]],
      [
        "userunknown",
        ["no such user", "invalid recipient", "mailbox is not allowed", "recipient mailbox is not allowed"],
      ],
    ],
  },
  {
    name: "zoho",
    source: "Zoho Mail SMTP errors (zoho.com/mail/help/spam-reason.html)",
    hosts: [".zoho.com", ".zohomail.com"],
    phrases: [
      ["authfailure", ["email rejected per dmarc policy"]],
      ["blocked", ["greylisted, try again after some time"]],
      ["rejected", ["email cannot be delivered. reason: email flagged as spam", "mail rejected by destination domain"]],
      ["policyviolation", ["email policy violation detected", "mailbox delivery restricted by policy error"]],
      ["systemerror", ["temporary system error"]],
      ["userunknown", ["user does not exist"]],
      ["virusdetected", [" detected by zoho mail"]],
    ],
  },
  {
    name: "cox",
    source: "Cox postmaster error codes (cox.com cox-postmaster-email-administration)",
    hosts: ["cox.net"],
    decide: ({ text }) => {
      const code = /aup#([a-z0-9]+)/.exec(text)?.[1]?.toUpperCase();
      return (code && COX_CODES[code]) || null;
    },
    phrases: [
      ["blocked", ["cox too many bad commands from", "too many invalid recipients"]],
      ["requireptr", ["dns check failure - try again later", "rejected - no rdns"]],
      ["policyviolation", ["esmtp no data before greeting", "attachment extension is forbidden"]],
      ["rejected", ["sender rejected"]],
      ["systemerror", ["esmtp server temporarily not available"]],
      [
        "toomanyconn",
        ["too many sessions from", "requested action aborted: try again later", "message threshold exceeded"],
      ],
      ["userunknown", ["recipient rejected"]],
    ],
  },
  {
    name: "spectrum",
    source: "Spectrum email error codes (spectrumbusiness.net understanding-email-error-codes)",
    hosts: ["charter.net"],
    decide: ({ text }) => {
      // "AUP#I1000", "AUP#In-1310", "AUP#CXBL-1000": letters and "-" between the "#" and the number
      const code = Number(/aup#[-a-z ]{0,8}(\d{4})/.exec(text)?.[1] ?? NaN);
      if (!Number.isFinite(code)) return null;
      return SPECTRUM_CODES.find(([from, to]) => code >= from && code <= to)?.[2] ?? null;
    },
  },
  {
    name: "godaddy",
    source: "GoDaddy bounce errors (godaddy.com/help 40685)",
    hosts: ["smtp.secureserver.net", "mailstore1.secureserver.net"],
    decide: ({ text }) => {
      const code = / (ib\d{3})\b/.exec(text)?.[1]?.toUpperCase();
      return (code && GODADDY_CODES[code]) || null;
    },
    phrases: [
      ["blocked", ["rbl reject", "www.spamhaus.org/query/bl?ip="]],
      ["expired", ["has been in the queue too long", "delivery timeout"]],
      ["mailboxfull", ["account storage limit"]],
      ["spamdetected", ["message rejected for spam or virus content"]],
      ["suspend", ["account disabled"]],
      ["systemerror", ["message is looping"]],
      ["userunknown", ["recipient not found", "account does not exist"]],
    ],
  },
  {
    name: "cloudflare",
    source: "Cloudflare Email Routing postmaster (developers.cloudflare.com/email-routing/postmaster)",
    hosts: [".mx.cloudflare.net"],
    phrases: [
      ["blocked", ["found on one or more dnsbls"]],
      ["systemerror", ["upstream error"]],
    ],
  },
  {
    name: "tencent",
    source: "QQ Mail error reference (service.mail.qq.com/detail/122)",
    hosts: [".qq.com"],
    phrases: [
      ["authfailure", ["spf check failed", "dmarc check failed"]],
      ["blocked", ["suspected bounce attacks", "suspected spam ip", "connection denied"]],
      ["mesgtoobig", ["message too large"]],
      ["rejected", ["suspected spam", "mail is rejected by recipients"]],
      ["spamdetected", ["spam is embedded in the email", "mail content denied"]],
      ["speeding", ["mailbox unavailable or access denined", "frequency of receiving messages is limited"]],
      ["suspend", ["is a deactivated mailbox"]],
      ["syntaxerror", ["bad address syntax"]],
      [
        "toomanyconn",
        [
          "ip frequency limited",
          "domain frequency limited",
          "sender frequency limited",
          "connection frequency limited",
        ],
      ],
      ["userunknown", ["mailbox not found"]],
    ],
  },
  {
    name: "yahooinc",
    source: "Yahoo sender SMTP error codes (senders.yahooinc.com/smtp-error-codes)",
    hosts: [".yahoodns.net"],
    phrases: [
      ["authfailure", ["yahoo requires all senders to authenticate with either spf or dkim"]],
      ["blocked", [" because the ip is in spamhaus's list;", "not accepted from ip addresses on spamhaus xbl"]],
      ["norelaying", ["relaying denied for "]],
      ["notcompliantrfc", ["headers are not rfc compliant"]],
      ["policyviolation", ["not accepted for policy reasons"]],
      [
        "rejected",
        [
          "temporarily deferred due to unexpected volume or user complaints",
          "due to unresolvable rfc.5321 domain",
          " will be permanently deferred",
        ],
      ],
      ["speeding", ["user is receiving mail too quickly"]],
      ["suspend", [" is no longer valid.", "this mailbox is disabled"]],
      ["syntaxerror", ["syntax error in parameters or arguments"]],
      ["toomanyconn", ["max message per connection reached"]],
      ["userunknown", ["dd this user doesn't have a ", "mailbox not found"]],
    ],
  },
  {
    name: "mimecast",
    source:
      "Mimecast SMTP error codes (community.mimecast.com Mimecast-SMTP-Error-Codes-842605754), as Sisimai v5 rhost/for-mimecast.go lists them",
    hosts: [".mimecast.com"],
    decide: ({ text, replyCode }) => {
      const table: readonly (readonly [Reason, string, string])[] = [
        ["authfailure", "550", "spf sender invalid - envelope rejected"],
        ["authfailure", "550", "dkim sender invalid - envelope rejected"],
        ["authfailure", "550", "dmarc sender invalid - envelope rejected"],
        ["badreputation", "451", "internal resources are temporarily unavailable"],
        ["badreputation", "550", "local ct ip reputation - (reject)"],
        ["blocked", "421", "sender address blocked"],
        ["blocked", "451", "recipient temporarily unavailable"],
        ["blocked", "451", "ip temporarily blacklisted"],
        ["expired", "550", "journal messages past the expiration"],
        ["failedstarttls", "553", "this route requires encryption (tls)"],
        ["failedstarttls", "553", "this route requires tls version 1.2 or greater"],
        ["failedstarttls", "553", "this route requires high-strength ciphers"],
        ["failedstarttls", "554", "configuration is invalid for this certificate"],
        ["mesgtoobig", "554", "maximum email size exceeded"],
        ["networkerror", "451", "the incorrect hostname used for inbounds"],
        ["networkerror", "550", "the incorrect hostname used for inbounds"],
        ["networkerror", "554", "mail loop detected"],
        ["norelaying", "451", "open relay not allowed"],
        ["norelaying", "451", "open relay is not allowed"],
        ["notaccept", "451", "account inbounds disabled"],
        ["onhold", "451", "account outbounds disabled"],
        ["onhold", "451", "hostname is not authorized"],
        ["onhold", "550", "journal message past expiration"],
        ["policyviolation", "550", "anti-spoofing policy - inbound not allowed"],
        ["policyviolation", "550", "rejected by header-based anti-spoofing policy"],
        ["policyviolation", "550Z", "message bounced due to content examination policy"],
        ["policyviolation", "554", "host network not allowed"],
        ["policyviolation", "554", "host network, not allowed"],
        ["rejected", "550", "administrative prohibition envelope blocked"],
        ["rejected", "550", "envelope blocked - user entry"],
        ["rejected", "550", "envelope blocked - user domain entry"],
        ["rejected", "550", "rejected by header-based manually blocked senders - block for manual block"],
        ["rejected", "550", "rejected by header-based blocked senders - block policy for header from"],
        ["rejected", "550", "envelope rejected - block policy for envelope from address"],
        ["securityerror", "535", "incorrect authentication data"],
        ["securityerror", "550", "submitter failed to disabled"],
        ["securityerror", "550", "submitter failed to authenticate"],
        ["systemerror", "451", "unable to process connection at this time"],
        ["systemerror", "451", "message ended early"],
        ["systemerror", "451", "unable to process command"],
        ["systemerror", "451", "unable to process an email at this time"],
        ["toomanyconn", "451", "account service is temporarily unavailable"],
        ["toomanyconn", "452", "too many recipients"],
        ["toomanyconn", "550", "exceeding outbound thread limit"],
        ["userunknown", "501", "invalid address"],
        ["userunknown", "503", "user unknown"],
        ["userunknown", "550", "invalid recipient"],
        ["virusdetected", "554", "email rejected due to security policies"],
      ];
      return table.find(([, code, phrase]) => code === replyCode && text.includes(phrase))?.[0] ?? null;
    },
  },
  {
    name: "google",
    source: "Gmail SMTP error reference (support.google.com/a/answer/3726730)",
    hosts: ["aspmx.l.google.com", "gmail-smtp-in.l.google.com"],
    decide: ({ text, status, replyCode }) => {
      if (!/^[245]\d\d$/.test(replyCode) || !/^[245]\.\d{1,3}\.\d{1,3}$/.test(status)) return null;
      // Google's own table is matched without the class digit (4.7.0 and 5.7.0 alike)
      return (
        GOOGLE_RULES.find(
          ([, reply, code, phrase]) =>
            text.includes(phrase) && reply.slice(1) === replyCode.slice(1) && code.slice(2) === status.slice(2),
        )?.[0] ?? null
      );
    },
  },
  {
    name: "aol",
    source: "AOL Mail replies",
    hosts: [".mail.aol.com", ".mx.aol.com"],
    phrases: [
      ["hostunknown", ["host or domain name not found"]],
      ["notaccept", ["type=mx: malformed or unexpected name server reply"]],
    ],
  },
  {
    name: "apple",
    source: "iCloud Mail postmaster information (support.apple.com/en-us/102322)",
    hosts: [".mail.icloud.com", ".apple.com", ".me.com"],
    phrases: [
      ["authfailure", ["s dmarc policy", "blocked for failing both spf and dkim autentication checks"]],
      [
        "blocked",
        [
          "rejected due to having a domain present in the spamhaus",
          "rejected due to listing in spamhaus",
          "blocked - see https://support.proofpoint.com/dnsbl-lookup",
          "not accepting connections",
        ],
      ],
      ["hasmoved", ["recipient no longer on server"]],
      ["mailboxfull", ["user is over quota"]],
      ["norelaying", ["relay access denied"]],
      ["notaccept", ["host/domain does not accept mail"]],
      ["policyviolation", ["due to local policy"]],
      ["rejected", ["sender address rejected"]],
      ["speeding", ["due to excessive volume"]],
      ["userunknown", ["inactive email address", "user does not exist", "unknown or illegal alias"]],
    ],
  },
  {
    name: "iua",
    source: "i.ua mail error pages (mail.i.ua/err/N/)",
    hosts: [".email.ua"],
    decide: ({ text }) => IUA_CODES[/\.i\.ua\/err\/(\d+)\//.exec(text)?.[1] ?? ""] ?? null,
  },
  {
    name: "facebook",
    source: "Facebook postmaster response codes",
    hosts: [".facebook.com"],
    decide: ({ text }) => {
      const code = /\b([a-z]{3}-[pt]\d)\b/.exec(text)?.[1]?.toUpperCase();
      return (code && FACEBOOK_CODES[code]) || null;
    },
  },
];

/** Sisimai's matching order: the recipient's domain, then the remote MTA, then the reporting MTA. */
export function rhostProvider(
  recipientDomain: string,
  remoteMta: string | null,
  reportingMta: string | null,
): RhostProvider | null {
  const domain = recipientDomain.toLowerCase();
  if (domain)
    for (const provider of RHOST_PROVIDERS) if (provider.hosts.some((host) => host.endsWith(domain))) return provider;
  for (const candidate of [remoteMta, reportingMta]) {
    const host = (candidate ?? "").toLowerCase().trim().replace(/\.$/, "").split(/[\s[]/)[0] ?? "";
    if (!host) continue;
    for (const provider of RHOST_PROVIDERS) if (provider.hosts.some((suffix) => host.endsWith(suffix))) return provider;
  }
  return null;
}

export function rhostReason(provider: RhostProvider | null, ctx: RhostContext): Reason | null {
  if (!provider || !ctx.text) return null;
  const decided = provider.decide?.(ctx) ?? (provider.coded ? codedReason(provider.coded, ctx) : null);
  if (decided) return decided;
  for (const [reason, phrases] of provider.phrases ?? [])
    if (phrases.some((phrase) => ctx.text.includes(phrase))) return reason;
  return null;
}
