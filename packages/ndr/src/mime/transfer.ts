// Content-Transfer-Encoding (RFC 2045 section 6) on binary strings. Tolerant: bad input decodes
// to whatever can be read, never throws.
export function decodeTransfer(body: string, encoding: string | null): string {
  const name = (encoding ?? "").trim().toLowerCase();
  if (name === "base64") return Buffer.from(body.replace(/[^A-Za-z0-9+/]/g, ""), "base64").toString("latin1");
  if (name === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(input: string): string {
  let out = "";
  let i = 0;
  let last = 0;
  while (true) {
    const eq = input.indexOf("=", i);
    if (eq < 0) break;
    out += input.slice(last, eq);
    const a = input.charCodeAt(eq + 1);
    if (a === 0x0a) {
      i = last = eq + 2;
      continue;
    }
    if (a === 0x0d && input.charCodeAt(eq + 2) === 0x0a) {
      i = last = eq + 3;
      continue;
    }
    const hex = input.slice(eq + 1, eq + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out += String.fromCharCode(parseInt(hex, 16));
      i = last = eq + 3;
      continue;
    }
    // "= " followed by trailing spaces then a line end is a soft break with padding
    out += "=";
    i = last = eq + 1;
  }
  return out + input.slice(last);
}
