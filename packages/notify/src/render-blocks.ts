// A notice is a list of blocks rendered twice: plain text (what most caseworkers read in
// Outlook's preview) and HTML. Values are escaped here, once, so templates stay plain strings.
export type Block =
  | { type: "paragraph"; text: string; strong?: boolean }
  | { type: "heading"; text: string }
  | { type: "fields"; rows: { label: string; values: string[] }[] }
  | { type: "rule" };

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}

export function renderText(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph") out.push(block.strong ? `*** ${block.text} ***` : block.text, "");
    else if (block.type === "heading") out.push(block.text, "-".repeat(Math.min(block.text.length, 60)));
    else if (block.type === "rule") out.push("-- ", "");
    else {
      for (const row of block.rows) {
        if (row.values.length <= 1) out.push(`${row.label}: ${row.values[0] ?? ""}`);
        else out.push(`${row.label}:`, ...row.values.map((value) => `  - ${value}`));
      }
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderHtml(blocks: Block[], language: string): string {
  const body = blocks.map((block) => {
    if (block.type === "paragraph") {
      const text = escapeHtml(block.text);
      return block.strong
        ? `<p style="padding:8px;border-left:4px solid #b00020"><strong>${text}</strong></p>`
        : `<p>${text}</p>`;
    }
    if (block.type === "heading") return `<h3 style="margin-bottom:4px">${escapeHtml(block.text)}</h3>`;
    if (block.type === "rule") return "<hr>";
    const rows = block.rows.map((row) => {
      const values =
        row.values.length <= 1
          ? escapeHtml(row.values[0] ?? "")
          : `<ul style="margin:0;padding-left:18px">${row.values.map((v) => `<li>${escapeHtml(v)}</li>`).join("")}</ul>`;
      return `<tr><th style="text-align:left;vertical-align:top;padding-right:12px">${escapeHtml(row.label)}</th><td>${values}</td></tr>`;
    });
    return `<table style="border-collapse:collapse">${rows.join("")}</table>`;
  });
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">${body.join("\n")}</body></html>\n`;
}
