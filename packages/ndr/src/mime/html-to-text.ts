// Crude, linear HTML to text: enough to find status codes and addresses in HTML-only NDRs
// (Exchange 2010+ and Office 365 send those). Not a renderer.
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  aelig: "æ",
  oslash: "ø",
  aring: "å",
  AElig: "Æ",
  Oslash: "Ø",
  Aring: "Å",
};

const MAX_HTML = 512 * 1024;

export function htmlToText(input: string): string {
  const html = stripBlocks(input.length > MAX_HTML ? input.slice(0, MAX_HTML) : input);
  return html
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h[1-6]|table)>/gi, "\n")
    .replace(/<\/t[dh]>/gi, " ")
    .replace(/<[^>]{0,2000}>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity[0] === "#") {
        const code =
          entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[entity] ?? ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** Drop <script>, <style> and <head> blocks with indexOf (a lazy regex would be quadratic on unclosed tags). */
function stripBlocks(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  let pos = 0;
  while (pos < html.length) {
    let next = -1;
    let tag = "";
    for (const name of ["<script", "<style", "<head"]) {
      const at = lower.indexOf(name, pos);
      if (at >= 0 && (next < 0 || at < next)) {
        next = at;
        tag = name.slice(1);
      }
    }
    if (next < 0) break;
    out += html.slice(pos, next);
    const close = lower.indexOf(`</${tag}`, next);
    if (close < 0) return out;
    const end = lower.indexOf(">", close);
    pos = end < 0 ? html.length : end + 1;
  }
  return out + html.slice(pos);
}
