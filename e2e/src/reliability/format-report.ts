// The printed figures of a reliability run: what was done to the service, how long it took to
// recover, and what came out (counts, duplicates and their explanation, problems).
import type { ReliabilityReport } from "./run-reliability.js";

export function formatReport(report: ReliabilityReport): string[] {
  const { figures, problems } = report.outcome;
  const lines = [
    `reliability: seed ${report.seed}, ${report.applied.length} faults in ${report.feedMs} ms of feed: ${report.applied
      .map((fault) => `${fault.fault}@${fault.startedMs}ms(${fault.tookMs}ms)`)
      .join(", ")}`,
  ];
  if (figures) {
    const { notices, webhooks } = figures;
    lines.push(
      `  messages: ${figures.delivered} delivered, ${figures.stored} stored, ${figures.parsed} parsed, ${figures.failures} failures`,
      `  notices: ${notices.told}/${notices.senders} senders told, ${notices.missing} missing, ${notices.copies} copies, ${notices.extraCopies} extra (DATA window, recorded as possible repeats: ${figures.possibleDuplicatesRecorded})`,
      `  webhooks: ${webhooks.received}/${webhooks.events} events received over ${webhooks.incidents} supplier incidents, ${webhooks.requests} requests (${webhooks.redelivered} redeliveries of an event)`,
    );
  }
  lines.push(
    `  recovery: everything settled ${report.recoveryMs} ms after the last fault ended, ${report.drainMs} ms after the last NDR; run ${report.totalMs} ms`,
  );
  if (report.unexpectedExits.length) lines.push(`  unexpected exits: ${report.unexpectedExits.join("; ")}`);
  for (const problem of problems) lines.push(`  PROBLEM: ${problem}`);
  if (report.logDir) lines.push(`  logs kept in ${report.logDir}`);
  return lines;
}
