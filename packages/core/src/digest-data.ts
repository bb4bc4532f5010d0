// What the team's daily digest tells (loaded by packages/db, written out by packages/notify).
// Ids, counts, causes and dates only: never addresses, subjects or CPR numbers.
export interface DigestData {
  from: Date;
  to: Date;
  newFailuresByCause: { cause: string; count: number }[];
  openIncidents: {
    key: string;
    scope: string;
    status: string;
    cause: string;
    supplierId: string | null;
    failureCount: number;
    firstSeen: Date;
  }[];
  untriagedOlder: { count: number; oldestAt: Date | null };
  serious: { id: string; failedAt: Date; cause: string; outcome: string }[];
  canary: {
    latest: { sentAt: Date; returnedAt: Date | null; status: string } | null;
    lastReturned: { sentAt: Date; returnedAt: Date } | null;
    runsInWindow: number;
    returnedInWindow: number;
  };
  openAlarms: { kind: string; message: string; firedAt: Date }[];
  check: { day: string; checkedBy: string[] };
}
