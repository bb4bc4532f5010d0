// The morning view, put together from the API's lists: the last daily check, the failures that
// arrived after it (grouped here by incident and by cause), and the notices that need a person.
import { requestApi } from "../api/request-api.js";
import type { FailureSummary, Incident, ListPage } from "../api/types.js";

export interface DailyCheck {
  day: string;
  checkedBy: string;
  summary: string | null;
  createdAt: string;
}

export interface Notice {
  id: string;
  attention: string;
  recipient: string;
  recipientRole: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface TodayView {
  lastCheck: DailyCheck | null;
  since: string;
  total: number;
  /** Grouped from at most this many of the newest failures (total says how many there are). */
  grouped: number;
  byIncident: { incidentId: string | null; key: string | null; cause: string; scope: string; count: number }[];
  byCause: { cause: string; count: number }[];
  daysWithout: string[];
  notices: Notice[];
}

const GROUP_LIMIT = 1000;

export function groupFailures(
  items: FailureSummary[],
  incidents: Map<string, Incident>,
): Pick<TodayView, "byIncident" | "byCause"> {
  const byIncident = new Map<string, TodayView["byIncident"][number]>();
  const byCause = new Map<string, number>();
  for (const item of items) {
    byCause.set(item.cause, (byCause.get(item.cause) ?? 0) + 1);
    const incident = item.incidentId ? incidents.get(item.incidentId) : undefined;
    const key = item.incidentId ?? `none:${item.cause}`;
    const row = byIncident.get(key) ?? {
      incidentId: item.incidentId ?? null,
      key: incident?.key ?? null,
      cause: incident?.cause ?? item.cause,
      scope: incident?.scope ?? item.scope,
      count: 0,
    };
    row.count++;
    byIncident.set(key, row);
  }
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  return {
    byIncident: [...byIncident.values()].sort(byCount),
    byCause: [...byCause].map(([cause, count]) => ({ cause, count })).sort(byCount),
  };
}

export async function loadToday(now = new Date()): Promise<TodayView> {
  const checks = await requestApi<{ items: DailyCheck[]; daysWithout: string[] }>("/api/daily-checks");
  const lastCheck = checks.items.reduce<DailyCheck | null>(
    (latest, check) => (!latest || check.createdAt > latest.createdAt ? check : latest),
    null,
  );
  // Never checked (a new installation): the last 24 hours.
  const since = lastCheck?.createdAt ?? new Date(now.getTime() - 86_400_000).toISOString();
  const query = new URLSearchParams({ from: since, sort: "-failedAt", limit: String(GROUP_LIMIT) });
  const [failures, incidents, notices] = await Promise.all([
    requestApi<ListPage<FailureSummary>>(`/api/failures?${query}`),
    requestApi<ListPage<Incident>>("/api/incidents?active=true&limit=200"),
    requestApi<ListPage<Notice>>("/api/notices?limit=100"),
  ]);
  const incidentMap = new Map(incidents.items.map((incident) => [incident.id, incident]));
  return {
    lastCheck,
    since,
    total: failures.total,
    grouped: failures.items.length,
    ...groupFailures(failures.items, incidentMap),
    daysWithout: checks.daysWithout,
    notices: notices.items,
  };
}
