// The canary's last probes and open alarms, when the API has them (issue 18): a 404 says so
// plainly instead of looking like an outage.
import { ApiError } from "../api/request-api.js";
import type { ListPage } from "../api/types.js";
import { AsyncView } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useResource } from "../lib/use-resource.js";

interface CanaryRun {
  id: string;
  origin?: string;
  sentAt: string;
  returnedAt: string | null;
  roundTripMs?: number | null;
  status: string;
  detail?: string | null;
}

interface Alarm {
  id: string;
  kind: string;
  open: boolean;
  message: string;
  firedAt: string;
  resolvedAt: string | null;
  resolveMessage: string | null;
}

function Alarms() {
  const { t, language } = useText();
  const resource = useResource<ListPage<Alarm>>("/api/alarms?limit=50");
  return (
    <AsyncView resource={resource}>
      {(page) => (
        <DataTable
          caption={t("alarms")}
          items={[...page.items].sort((a, b) => Number(b.open) - Number(a.open))}
          columns={[
            {
              label: t("canaryStatus"),
              render: (alarm) => (
                <span class={`pill ${alarm.open ? "bad" : "ok"}`}>
                  {alarm.open ? t("alarmOpen") : t("alarmResolved")}
                </span>
              ),
            },
            { label: t("alarmKind"), render: (alarm) => alarm.kind },
            { label: t("alarmMessage"), render: (alarm) => alarm.message },
            { label: t("alarmFired"), render: (alarm) => formatDate(alarm.firedAt, language) },
            {
              label: t("alarmResolvedAt"),
              render: (alarm) =>
                alarm.resolvedAt
                  ? `${formatDate(alarm.resolvedAt, language)}${alarm.resolveMessage ? `: ${alarm.resolveMessage}` : ""}`
                  : "—",
            },
          ]}
        />
      )}
    </AsyncView>
  );
}

export function CanaryPage() {
  const { t, language } = useText();
  const resource = useResource<ListPage<CanaryRun>>("/api/canary/runs?limit=50");
  const missing = resource.state === "error" && resource.error instanceof ApiError && resource.error.status === 404;
  return (
    <section aria-labelledby="canary-title">
      <h1 id="canary-title">{t("canaryTitle")}</h1>
      <p class="muted">{t("canaryIntro")}</p>
      {missing ? (
        <p>{t("canaryMissing")}</p>
      ) : (
        <AsyncView resource={resource}>
          {(page) => (
            <DataTable
              caption={t("canaryTitle")}
              items={page.items}
              columns={[
                { label: t("canarySent"), render: (run) => formatDate(run.sentAt, language) },
                { label: t("canaryReturned"), render: (run) => formatDate(run.returnedAt, language) },
                {
                  label: t("canaryRoundTrip"),
                  numeric: true,
                  render: (run) => (run.roundTripMs != null ? `${(run.roundTripMs / 1000).toFixed(1)} s` : "—"),
                },
                {
                  label: t("canaryStatus"),
                  render: (run) => (
                    <span class={`pill ${run.status === "returned" ? "ok" : "bad"}`}>{t(`canary_${run.status}`)}</span>
                  ),
                },
                { label: t("error"), render: (run) => run.detail ?? "—" },
              ]}
            />
          )}
        </AsyncView>
      )}
      <h2>{t("alarms")}</h2>
      <Alarms />
    </section>
  );
}
