// Host and domain patterns (`*.sikkermail.example` matches any subdomain, a bare name matches
// itself) and the normalisation fingerprints use, so mx01/mx02 of one cluster count as one host.

export function cleanHost(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  return host || null;
}

export function hostMatches(host: string | null, pattern: string): boolean {
  if (!host) return false;
  const wanted = pattern.trim().toLowerCase();
  if (wanted.startsWith("*.")) {
    const suffix = wanted.slice(1);
    return host.endsWith(suffix) || host === wanted.slice(2);
  }
  return host === wanted;
}

export function matchesAny(host: string | null, patterns: readonly string[] | undefined): boolean {
  return !!patterns && patterns.some((pattern) => hostMatches(host, pattern));
}

/** Digits and IP literals out, so numbered members of a cluster share one name. */
export function normaliseHost(value: string | null | undefined): string | null {
  const host = cleanHost(value);
  if (!host) return null;
  if (/^[\d.]+$/.test(host) || host.includes(":")) return "ip-literal";
  return host.replace(/\d+/g, "#");
}

export function domainOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  return at < 0 ? null : cleanHost(address.slice(at + 1));
}
