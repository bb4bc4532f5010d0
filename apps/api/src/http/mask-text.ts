// Defence in depth for text the API shows that did not pass the parser's masking (raw headers,
// error messages, Message-IDs): the cpr package's mask, then any remaining CPR-shaped run of ten
// digits (some Outlook Message-IDs carry them), so a response never holds one.
import { mask } from "@safetynet/cpr";

const CPR_SHAPED = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}([- .]?)\d{4}(?!\d)/g;

export function maskText(text: string): string;
export function maskText(text: string | null): string | null;
export function maskText(text: string | null): string | null {
  if (text === null) return null;
  return mask(text).replace(
    CPR_SHAPED,
    (_match, day: string, month: string, separator: string) => `${day}${month}XX${separator || "-"}XXXX`,
  );
}
