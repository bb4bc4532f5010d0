// The tally of one back-fill run, printed at the end: what was new, what was already stored
// (a re-run stores nothing twice), what was quarantined, and which sources failed.
export interface ImportSummary {
  read: number;
  stored: number;
  alreadyStored: number;
  quarantined: number;
  failedSources: { source: string; error: string }[];
  seconds: number;
}

export function emptySummary(): ImportSummary {
  return { read: 0, stored: 0, alreadyStored: 0, quarantined: 0, failedSources: [], seconds: 0 };
}

export function formatSummary(summary: ImportSummary): string {
  const rate = summary.seconds > 0 ? Math.round(summary.read / summary.seconds) : summary.read;
  const lines = [
    `import: ${summary.read} messages read in ${summary.seconds.toFixed(1)} s (${rate} msg/s)`,
    `  stored now:      ${summary.stored} (enqueued for ingest, source "import": no notices or webhooks)`,
    `  already stored:  ${summary.alreadyStored}`,
    `  quarantined:     ${summary.quarantined}`,
  ];
  for (const failed of summary.failedSources) lines.push(`  FAILED ${failed.source}: ${failed.error}`);
  return `${lines.join("\n")}\n`;
}
