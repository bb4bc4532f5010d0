// Facts from the NDR's own header block: its Date (the arrival order the classify command and the
// worker agree on) and whether its Subject repeats a CPR number (Exchange "Undeliverable: ...").
import { containsCpr } from "@safetynet/cpr";

function headerBlock(raw: Uint8Array | string): string {
  const text = typeof raw === "string" ? raw.slice(0, 65536) : Buffer.from(raw.subarray(0, 65536)).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
}

function header(head: string, name: string): string | null {
  return new RegExp(`^${name}:[ \\t]*(.+)$`, "im").exec(head)?.[1] ?? null;
}

/** Epoch milliseconds of the top-level Date header, or null when missing or unreadable. */
export function readDateHeader(raw: Uint8Array | string): number | null {
  const value = header(headerBlock(raw), "date");
  if (!value) return null;
  const time = Date.parse(
    value
      .replace(/\([^)]*\)/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return Number.isNaN(time) ? null : time;
}

export interface NdrFacts {
  at: number | null;
  ndrSubjectHasCpr: boolean;
}

/** Date and CPR-in-Subject of the NDR itself; the subject is tested, never kept or returned. */
export function readNdrFacts(raw: Uint8Array | string): NdrFacts {
  const head = headerBlock(raw);
  const subject = header(head, "subject");
  return { at: readDateHeader(head), ndrSubjectHasCpr: subject !== null && containsCpr(subject) };
}
