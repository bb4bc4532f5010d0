// RFC 3464 section 2 (and RFC 6533 global DSNs): a delivery-status body is one per-message field
// block then one block per recipient. Blocks are kept apart; a repeated Final-Recipient also
// starts a new block, for MTAs that omit the blank line between recipients.
export interface DsnFields {
  [name: string]: string;
}

export interface DsnReport {
  perMessage: DsnFields;
  perRecipient: DsnFields[];
}

const RECIPIENT_START = new Set(["final-recipient", "original-recipient", "x-actual-recipient"]);

export function parseDsnFields(text: string): DsnReport {
  const blocks: DsnFields[] = [];
  let current: DsnFields = {};
  let lastName = "";
  const pushCurrent = (): void => {
    if (Object.keys(current).length > 0) blocks.push(current);
    current = {};
    lastName = "";
  };
  for (const rawLine of text.split("\n")) {
    const line = rawLine.length > 8192 ? rawLine.slice(0, 8192) : rawLine;
    if (line.trim() === "") {
      pushCurrent();
      continue;
    }
    if ((line[0] === " " || line[0] === "\t") && lastName) {
      current[lastName] = `${current[lastName]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z0-9-]+$/.test(name)) continue;
    if (name === "final-recipient" && current["final-recipient"] !== undefined) pushCurrent();
    else if (
      name === "original-recipient" &&
      current["original-recipient"] !== undefined &&
      current["final-recipient"] !== undefined
    )
      pushCurrent();
    if (current[name] === undefined) current[name] = line.slice(colon + 1).trim();
    lastName = name;
  }
  pushCurrent();
  const perMessage: DsnFields = {};
  const perRecipient: DsnFields[] = [];
  for (const block of blocks) {
    const isRecipient =
      Object.keys(block).some((name) => RECIPIENT_START.has(name)) ||
      (block.action !== undefined && block.status !== undefined);
    if (isRecipient) perRecipient.push(block);
    else if (perRecipient.length === 0) Object.assign(perMessage, block);
    else Object.assign(perRecipient[perRecipient.length - 1]!, block);
  }
  return { perMessage, perRecipient };
}

/** `rfc822; user@example.org` -> `user@example.org`; `dns; mx.example.org` -> `mx.example.org`. */
export function dsnValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semi = value.indexOf(";");
  const rest = (semi >= 0 && semi < 20 ? value.slice(semi + 1) : value).trim();
  return rest || null;
}

/** The type token before ";" (e.g. "smtp", "x-unix", "x-postfix"), lower-cased, or "". */
export function dsnType(value: string | undefined): string {
  if (value === undefined) return "";
  const semi = value.indexOf(";");
  return semi > 0 && semi < 20 ? value.slice(0, semi).trim().toLowerCase() : "";
}
