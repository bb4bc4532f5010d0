// The API takes a mailbox as one URL with its credentials in it (imaps://user:pass@host/INBOX);
// staff type the server, user and password apart, so a password with `@` or `:` cannot break it.

/** The URL for POST /api/mailboxes, or null when the server address is not an imap(s) URL. */
export function mailboxUrl(server: string, user: string, password: string): string | null {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    return null;
  }
  if (!/^imaps?:$/.test(url.protocol) || !url.hostname) return null;
  // Percent-encoded first: the URL setters leave `%` alone, and the API decodes both parts.
  url.username = encodeURIComponent(user.trim());
  url.password = encodeURIComponent(password);
  return url.toString();
}
