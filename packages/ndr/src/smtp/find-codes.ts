// Pull SMTP evidence out of free text: enhanced status codes (RFC 3463), reply codes (RFC 5321
// section 4.2) and the SMTP command the error answered. Anchored, bounded regexes only.
const STATUS_RE = /(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;
// a reply code ends at a space, "-" (RFC 5321 section 4.2.1 continuation) or a comma ("ERROR_CODE :550,")
const REPLY_RE = /(?:^|[^\d.\w-])([245][0-5]\d)(?=[ ,-]|$)/g;

/** All enhanced status codes in text, in order. */
export function findStatuses(text: string): string[] {
  const out: string[] = [];
  STATUS_RE.lastIndex = 0;
  const scan = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let match = STATUS_RE.exec(scan); match; match = STATUS_RE.exec(scan)) {
    const subject = Number(match[2]);
    const detail = Number(match[3]);
    if (subject > 7 || detail > 999) continue;
    out.push(`${match[1]}.${match[2]}.${match[3]}`);
  }
  return out;
}

/** The most specific enhanced status code in text: the first one not ending in ".0.0", else the first. */
export function findStatus(text: string | null | undefined): string | null {
  if (!text) return null;
  const all = findStatuses(text);
  if (all.length === 0) return null;
  return all.find((code) => !/\.0\.0$/.test(code)) ?? all[0]!;
}

/** The first plausible SMTP reply code in text ("550", "421"), or null. */
export function findReplyCode(text: string | null | undefined): string | null {
  if (!text) return null;
  REPLY_RE.lastIndex = 0;
  const scan = text.length > 65536 ? text.slice(0, 65536) : text;
  for (let match = REPLY_RE.exec(scan); match; match = REPLY_RE.exec(scan)) {
    const code = match[1]!;
    if (code[0] === "2" && !/^2[25]\d$/.test(code)) continue;
    return code;
  }
  return null;
}

// Command names as they appear (upper case) in MTA texts; the pseudo command CONN is Sisimai's.
const DETECTABLE = [
  "HELO",
  "EHLO",
  "STARTTLS",
  "AUTH PLAIN",
  "AUTH LOGIN",
  "AUTH CRAM-",
  "AUTH DIGEST-",
  "MAIL F",
  "RCPT",
  "RCPT T",
  "DATA",
  "QUIT",
  "XFORWARD",
] as const;

/**
 * The SMTP command an error answered ("RCPT", "DATA", ...), from text such as Postfix's
 * "(in reply to RCPT TO command)" or Exim's "after RCPT TO:<...>". Case-sensitive on purpose:
 * "mail server" is not MAIL. When several commands appear, the latest in session order wins.
 */
export function findSmtpCommand(text: string | null | undefined): string | null {
  if (!text) return null;
  const scan = text.length > 8192 ? text.slice(0, 8192) : text;
  let found: string | null = null;
  const seen = new Set<string>();
  for (const word of DETECTABLE) {
    const at = scan.indexOf(word);
    if (at < 0) continue;
    if (!word.includes(" ")) {
      const before = at > 0 ? scan[at - 1]! : " ";
      const after = scan[at + word.length] ?? " ";
      if (/[0-9A-Za-z@`]/.test(before) || /[0-9A-Za-z@`]/.test(after)) continue; // part of an address or a word
    }
    let name = word.slice(0, 4);
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === "STAR") name = "STARTTLS";
    else if (name === "XFOR") name = "XFORWARD";
    found = name;
  }
  return found;
}

/**
 * Choose between the DSN Status field and the code quoted in the diagnostic text: the field is
 * often generic (5.0.0, X.Y.0) while the remote server's own text names the precise code.
 * Rules after Sisimai's status.Prefer (observed Postfix/Sendmail/Exchange behaviour).
 */
export function preferStatus(field: string | null, inText: string | null, replyCode: string | null): string | null {
  if (!field) return inText;
  if (!inText) return field;
  const reply = replyCode ?? "";
  if (reply && field[0] !== inText[0]) {
    if (reply[0] === field[0]) return field;
    if (reply[0] === inText[0]) return inText;
  }
  if (field === inText) return field;
  if (field.includes(".0.0")) return inText.includes(".0.0") ? field : inText;
  if (field.includes(".0") && !inText.includes(".0")) return inText;
  if (inText.includes(".0.0")) return field;
  if (field === "4.4.7" || field === "4.7.0" || field.startsWith("5.3.")) return inText;
  if (/^\d\.5\.[1245]$/.test(field)) return inText;
  if (field === "5.1.1") return inText.includes(".0") || inText.startsWith("5.5.") ? field : inText;
  if (field === "5.1.3" && inText.startsWith("5.7.")) return inText;
  return field;
}

/**
 * Join a multi-line SMTP reply (RFC 5321 section 4.2.1: "550-5.2.1 text" continuation lines)
 * into one sentence: the repeated code and status after the first line are dropped.
 */
export function joinMultilineReply(text: string): string {
  const first = /(?:^|\s)([245]\d\d)[- ](?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
  if (!first) return text;
  const code = first[1]!;
  const status = first[2];
  const start = first.index + first[0].length;
  // "<whitespace>CODE[- ](STATUS<whitespace>)?" -> " ", by plain search: a RegExp built from the
  // code would be compiled again for every diagnostic
  const rest = text.slice(start);
  let out = "";
  let from = 0;
  for (let at = rest.indexOf(code, 1); at >= 0; at = rest.indexOf(code, at + 1)) {
    if (at - 1 < from || !/\s/.test(rest[at - 1]!)) continue;
    const after = rest[at + 3];
    if (after !== " " && after !== "-") continue;
    let end = at + 4;
    if (status && rest.startsWith(status, end) && /\s/.test(rest[end + status.length] ?? "")) end += status.length + 1;
    out += `${rest.slice(from, at - 1)} `;
    from = end;
    at = end - 1;
  }
  if (from === 0) return text;
  return text.slice(0, start) + out + rest.slice(from);
}
