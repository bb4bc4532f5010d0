// mask(): the text with every plausible CPR number replaced in place by `DDMMXX-XXXX`. It is the
// leak guard for every output, so by default it uses the lower MASK_THRESHOLD (see thresholds.ts).
import { find } from "./find.js";
import { MASK_THRESHOLD } from "./thresholds.js";
import type { CprOptions } from "./types.js";

export function mask(text: string, options: CprOptions = {}): string {
  const matches = find(text, { ...options, threshold: options.threshold ?? MASK_THRESHOLD });
  if (matches.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const match of matches) {
    parts.push(text.slice(cursor, match.offset), match.masked);
    cursor = match.offset + match.length;
  }
  parts.push(text.slice(cursor));
  return parts.join("");
}
