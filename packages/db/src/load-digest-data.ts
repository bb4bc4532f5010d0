// Everything the team's daily digest tells, for the window that ends at the digest: new failures
// by cause, open incidents, older cases nobody has triaged, serious cases, the canary, the open
// alarms and who did the daily check on the given day. Ids, counts and causes: no addresses.
import type { DigestData } from "@safetynet/core";
import type { DbClient } from "./create-db-client.js";

export type { DigestData };

export async function loadDigestData(
  db: DbClient,
  window: { from: Date; to: Date; checkDay: string },
): Promise<DigestData> {
  const { from, to } = window;
  const [byCause, incidents, older, serious, latest, lastReturned, runs, alarms, checks] = await Promise.all([
    db.failure.groupBy({
      by: ["cause"],
      where: { backfilled: false, createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    db.incident.findMany({
      where: { status: { in: ["open", "acknowledged", "escalated"] } },
      orderBy: { firstSeen: "asc" },
      take: 50,
      select: {
        key: true,
        scope: true,
        status: true,
        cause: true,
        supplierId: true,
        failureCount: true,
        firstSeen: true,
      },
    }),
    db.failure.aggregate({
      where: { backfilled: false, outcome: "untriaged", createdAt: { lt: from } },
      _count: { _all: true },
      _min: { failedAt: true },
    }),
    db.failure.findMany({
      where: { serious: true, outcome: "untriaged" },
      orderBy: { failedAt: "asc" },
      take: 50,
      select: { id: true, failedAt: true, cause: true, outcome: true },
    }),
    db.canaryRun.findFirst({ orderBy: { sentAt: "desc" }, select: { sentAt: true, returnedAt: true, status: true } }),
    db.canaryRun.findFirst({
      where: { returnedAt: { not: null } },
      orderBy: { sentAt: "desc" },
      select: { sentAt: true, returnedAt: true },
    }),
    db.canaryRun.groupBy({
      by: ["status"],
      where: { sentAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    db.alarm.findMany({
      where: { resolvedAt: null },
      orderBy: { firedAt: "asc" },
      select: { kind: true, message: true, firedAt: true },
    }),
    db.dailyCheck.findMany({
      where: { day: new Date(`${window.checkDay}T00:00:00Z`) },
      orderBy: { createdAt: "asc" },
      select: { checkedBy: true },
    }),
  ]);
  return {
    from,
    to,
    newFailuresByCause: byCause
      .map((row) => ({ cause: row.cause, count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
    openIncidents: incidents.map((incident) => ({ ...incident, scope: incident.scope, status: incident.status })),
    untriagedOlder: { count: older._count._all, oldestAt: older._min.failedAt },
    serious: serious.map((row) => ({ ...row, outcome: row.outcome })),
    canary: {
      latest,
      lastReturned: lastReturned?.returnedAt
        ? { sentAt: lastReturned.sentAt, returnedAt: lastReturned.returnedAt }
        : null,
      runsInWindow: runs.reduce((sum, row) => sum + row._count._all, 0),
      returnedInWindow: runs.filter((row) => row.status === "returned").reduce((sum, row) => sum + row._count._all, 0),
    },
    openAlarms: alarms,
    check: { day: window.checkDay, checkedBy: checks.map((row) => row.checkedBy) },
  };
}
