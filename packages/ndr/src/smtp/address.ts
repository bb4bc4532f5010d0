// Email address helpers: pick an addr-spec out of "Name <a@b>", "rfc822; a@b", "<a@b>:" and the
// like. Deliberately simple and linear; bounces quote addresses in many broken ways.
const ADDRESS_RE = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,128}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?/;
const ADDRESS_RE_G = new RegExp(ADDRESS_RE.source, "g");

/** The first address in text, lower-cased domain, without angle brackets, or null. */
export function findAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  const angled = /<([^<>\s]{1,300}@[^<>\s]{1,255})>/.exec(text);
  const raw = angled ? angled[1]! : ADDRESS_RE.exec(text)?.[0];
  return raw ? normaliseAddress(raw) : null;
}

/** Every address in text, in order, without duplicates. */
export function findAddresses(text: string | null | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const match of text.matchAll(ADDRESS_RE_G)) seen.add(normaliseAddress(match[0]));
  return [...seen];
}

export function normaliseAddress(raw: string): string {
  let address = raw.trim().replace(/^[<("'[]+|[>)"'\].,:;]+$/g, "");
  if (address.toLowerCase().startsWith("mailto:")) address = address.slice(7);
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export function isAddress(text: string | null | undefined): boolean {
  return !!text && /^[^\s@<>]{1,128}@[^\s@<>]{1,255}$/.test(text);
}
