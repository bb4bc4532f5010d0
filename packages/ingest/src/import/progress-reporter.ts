// Progress of a back-fill: a redrawn bar with rate and ETA on a terminal, a plain line every few
// seconds otherwise (logs, CI). Counts only; never a subject or an address.
export interface ProgressReporter {
  /** Add work to the total (bytes of files, or messages of an IMAP folder). */
  addTotal(units: number): void;
  advance(units: number, messages: number): void;
  finish(): void;
}

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

export function createProgressReporter(
  stream: Stream,
  options: { now?: () => number; plainEveryMs?: number } = {},
): ProgressReporter {
  const now = options.now ?? Date.now;
  const startedAt = now();
  let total = 0;
  let done = 0;
  let messages = 0;
  let lastDraw = 0;
  const tty = Boolean(stream.isTTY);

  function line(): string {
    const elapsed = (now() - startedAt) / 1000;
    const rate = elapsed > 0 ? messages / elapsed : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.NaN;
    const stats = `${messages} messages  ${rate.toFixed(0)} msg/s  ETA ${formatDuration(eta)}`;
    if (!tty) return `import: ${(fraction * 100).toFixed(1)}%  ${stats}\n`;
    const width = 30;
    const filled = Math.round(fraction * width);
    return `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%  ${stats}\x1b[K`;
  }

  return {
    addTotal(units) {
      total += units;
    },
    advance(units, count) {
      done += units;
      messages += count;
      const interval = tty ? 100 : (options.plainEveryMs ?? 5_000);
      if (now() - lastDraw >= interval) {
        lastDraw = now();
        stream.write(line());
      }
    },
    finish() {
      done = total;
      stream.write(line() + (tty ? "\n" : ""));
    },
  };
}
