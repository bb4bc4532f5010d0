// Open, systemic and pattern incidents with their growth, the lifecycle actions, and the
// webhook deliveries to the supplier (status, redelivery).
import { INCIDENT_STATUSES } from "@safetynet/core";
import { useEffect, useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import { type FailureSummary, type Incident, type ListPage, SCOPES } from "../api/types.js";
import { ActionButton } from "../components/action-button.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView, ErrorMessage, Loading } from "../components/async-view.js";
import { BarChart } from "../components/bar-chart.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { countPerDay } from "../lib/count-per-day.js";
import { navigate } from "../lib/router.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface Delivery {
  id: string;
  eventType: string;
  attempt: number;
  status: string;
  httpStatus: number | null;
  error: string | null;
  createdAt: string;
}

const GROWTH_PAGES = 5;

/** New failures per day, read from the failure list of the incident (at most 5,000 failures). */
async function loadGrowth(id: string): Promise<{ days: { day: string; count: number }[]; partial: boolean }> {
  const times: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = new URLSearchParams({ incident: id, sort: "failedAt", limit: "1000" });
    if (cursor) query.set("cursor", cursor);
    const page: ListPage<FailureSummary> = await requestApi(`/api/failures?${query}`);
    for (const item of page.items) if (item.failedAt) times.push(item.failedAt);
    cursor = page.nextCursor;
  } while (cursor && ++pages < GROWTH_PAGES);
  return { days: countPerDay(times), partial: cursor !== null };
}

function Growth({ id }: { id: string }) {
  const { t } = useText();
  const [state, setState] = useState<{ days: { day: string; count: number }[]; partial: boolean } | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setState(null);
    loadGrowth(id).then(setState, (error: Error) => setState(error));
  }, [id, attempt]);
  if (state === null) return <Loading />;
  if (state instanceof Error) return <ErrorMessage error={state} onRetry={() => setAttempt((n) => n + 1)} />;
  if (state.days.length === 0) return <p>{t("empty")}</p>;
  return (
    <>
      <BarChart
        title={`${t("incidentGrowth")}: ${t("growthPerDay")}`}
        bars={state.days.slice(-14).map((point) => ({ label: point.day.slice(5), value: point.count }))}
      />
      {state.partial && <p class="muted">{t("growthPartial")}</p>}
    </>
  );
}

function Deliveries({ id }: { id: string }) {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const resource = useResource<ListPage<Delivery>>(`/api/webhook-deliveries?incidentId=${encodeURIComponent(id)}`);
  return (
    <AsyncView resource={resource}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t("noDeliveries")}</p>
        ) : (
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{t("deliveryEvent")}</th>
                <th scope="col">{t("deliveryAttempt")}</th>
                <th scope="col">{t("deliveryStatus")}</th>
                <th scope="col">{t("receivedAt")}</th>
                {canEdit && <th scope="col">{t("redeliver")}</th>}
              </tr>
            </thead>
            <tbody>
              {page.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.eventType}</td>
                  <td class="num">{delivery.attempt}</td>
                  <td>
                    {delivery.status}
                    {delivery.httpStatus ? ` (${delivery.httpStatus})` : ""}
                    {delivery.error ? `: ${delivery.error}` : ""}
                  </td>
                  <td>{formatDate(delivery.createdAt, language)}</td>
                  {canEdit && (
                    <td>
                      <ActionButton
                        class="secondary"
                        action={async () => {
                          await requestApi(`/api/webhook-deliveries/${encodeURIComponent(delivery.id)}/redeliver`, {
                            method: "POST",
                          });
                          resource.reload();
                        }}
                      >
                        {t("redeliver")}
                      </ActionButton>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </AsyncView>
  );
}

function SilenceForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useText();
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [error, setError] = useState<Error | null>(null);
  return (
    <form
      class="inline"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        try {
          await requestApi(`/api/incidents/${encodeURIComponent(id)}/silence`, {
            method: "POST",
            body: { reason, expiresAt: new Date(`${until}T23:59:59Z`).toISOString() },
          });
          onDone();
        } catch (caught) {
          setError(caught as Error);
        }
      }}
    >
      <label for={`silence-reason-${id}`}>{t("silenceReason")}</label>
      <input
        id={`silence-reason-${id}`}
        required
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <label for={`silence-until-${id}`}>{t("silenceUntil")}</label>
      <input
        id={`silence-until-${id}`}
        type="date"
        required
        value={until}
        onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">{t("silence")}</button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function IncidentRow({ incident, onChanged }: { incident: Incident; onChanged(): void }) {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const [open, setOpen] = useState(false);
  const act = (action: string) => async () => {
    await requestApi(`/api/incidents/${encodeURIComponent(incident.id)}/${action}`, { method: "POST", body: {} });
    onChanged();
  };
  const resolved = incident.status === "resolved";
  return (
    <li class="incident">
      <div class="incident-head">
        <h2>
          <AppLink href={`/failures?incident=${encodeURIComponent(incident.id)}`}>
            {incident.key ?? incident.id}
          </AppLink>
        </h2>
        <span class={`pill ${incident.status}`}>{t(`status_${incident.status}`)}</span>
        <span class="pill">{t(`scope_${incident.scope}`)}</span>
      </div>
      <dl class="facts">
        <dt>{t("colCause")}</dt>
        <dd>{incident.cause}</dd>
        <dt>{t("incidentFailures")}</dt>
        <dd>{incident.failureCount ?? "—"}</dd>
        <dt>{t("incidentSenders")}</dt>
        <dd>{incident.distinctSenders ?? "—"}</dd>
        <dt>{t("incidentSupplier")}</dt>
        <dd>{incident.supplierId ?? incident.responsible ?? "—"}</dd>
        <dt>{t("incidentFirstSeen")}</dt>
        <dd>{formatDate(incident.firstSeen, language)}</dd>
        <dt>{t("incidentLastSeen")}</dt>
        <dd>{formatDate(incident.lastSeen, language)}</dd>
      </dl>
      {incident.silence && (
        <p class="muted">
          {t("silencedUntil")} {formatDate(incident.silence.expiresAt, language)} ({incident.silence.createdBy}):{" "}
          {incident.silence.reason}
        </p>
      )}
      <div class="buttons">
        {canEdit && !resolved && (
          <>
            {incident.status !== "acknowledged" && (
              <ActionButton action={act("acknowledge")}>{t("acknowledge")}</ActionButton>
            )}
            <ActionButton action={act("escalate")} class="secondary">
              {t("escalate")}
            </ActionButton>
            <ActionButton action={act("resolve")} class="secondary">
              {t("resolve")}
            </ActionButton>
          </>
        )}
        <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t("hideDetails") : t("showDetails")}
        </button>
      </div>
      {open && (
        <div class="incident-more">
          <h3>{t("incidentGrowth")}</h3>
          <Growth id={incident.id} />
          <h3>{t("deliveries")}</h3>
          <Deliveries id={incident.id} />
          {canEdit && !resolved && (
            <>
              <h3>{t("silence")}</h3>
              <SilenceForm id={incident.id} onDone={onChanged} />
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function IncidentsPage({ query }: { query: URLSearchParams }) {
  const { t } = useText();
  const status = query.get("status") ?? "";
  const scope = query.get("scope") ?? "";
  const params = new URLSearchParams();
  // Unfiltered, the page shows what needs attention: every incident that is not resolved.
  if (status === "") params.set("active", "true");
  else if (status !== "all") params.set("status", status);
  if (scope) params.set("scope", scope);
  params.set("limit", "100");
  const resource = useResource<ListPage<Incident>>(`/api/incidents?${params}`);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    const text = next.toString();
    navigate(`/incidents${text ? `?${text}` : ""}`);
  };
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">{t("incidentsTitle")}</h1>
      <form class="filters" aria-label={t("filters")} onSubmit={(event) => event.preventDefault()}>
        <div>
          <label for="incident-status">{t("incidentStatus")}</label>
          <select
            id="incident-status"
            value={status}
            onChange={(e) => setFilter("status", (e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t("incidentsActive")}</option>
            <option value="all">{t("any")}</option>
            {INCIDENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status_${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="incident-scope">{t("colScope")}</label>
          <select
            id="incident-scope"
            value={scope}
            onChange={(e) => setFilter("scope", (e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t("any")}</option>
            {SCOPES.map((value) => (
              <option key={value} value={value}>
                {t(`scope_${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <AsyncView resource={resource}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <ul class="incidents">
              {page.items.map((incident) => (
                <IncidentRow key={incident.id} incident={incident} onChanged={resource.reload} />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
