// Hand-made hostile messages of the parser's robustness test that a random generator does not
// reach: multipart nested 1,000 deep, unknown and lying charsets, 1 MB header and body lines.
// The 50 MB message and the 10,000-recipient DSN are built where they are used (their size is
// the point there).
const DSN_HEAD =
  "From: MAILER-DAEMON@relay.example\nTo: sender@kommune.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";

export interface HostileMessage {
  name: string;
  bytes: Buffer;
}

export function hostileMessages(): HostileMessage[] {
  let body = "Final-Recipient: rfc822; deep@example.org\nAction: failed\nStatus: 5.1.1\n";
  let type = "message/delivery-status";
  for (let depth = 0; depth < 1000; depth++) {
    const boundary = `b${depth}`;
    body = `--${boundary}\nContent-Type: ${type}\n\n${body}\n--${boundary}--\n`;
    type = `multipart/mixed; boundary="${boundary}"`;
  }
  const charsets = ["x-bogus", "utf-7", "iso-2022-jp", "utf-8", "windows-1252", "iso-8859-1", '""', "../../etc/passwd"];
  const long = "a".repeat(1024 * 1024);
  return [
    { name: "nested 1,000 deep", bytes: Buffer.from(`${DSN_HEAD}Content-Type: ${type}\n\n${body}`) },
    ...charsets.map((charset) => ({
      name: `charset ${charset}`,
      bytes: Buffer.from(
        `${DSN_HEAD}Subject: =?${charset}?Q?=E6=F8=E5?= =?${charset}?B?////?=\nContent-Type: text/plain; charset=${charset}\n\n<a@b.example>: 550 5.1.1 \xe6\xf8\xe5 \xff\xfe unknown user\n`,
        "latin1",
      ),
    })),
    {
      name: "1 MB header and body lines",
      bytes: Buffer.from(
        `${DSN_HEAD}X-Long: ${long}\nSubject: <${long}@${long}>\nContent-Type: text/plain\n\n<${long}@${long}>: ${"5.5.5.".repeat(100_000)}\n${"<".repeat(500_000)}@\n`,
      ),
    },
  ];
}
