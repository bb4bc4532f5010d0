// The morning routine: what arrived since the last recorded check, grouped by incident and by
// cause, the notices a person must handle, and the button that records today's check.
import { useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

export interface TodayView {
  since: string | null;
  lastCheck: { day: string; checkedBy: string; note: string | null; createdAt?: string } | null;
  total: number;
  byIncident: { incidentId: string | null; key?: string | null; cause: string; scope: string; count: number }[];
  byCause: { cause: string; count: number }[];
  notices: { id: string; recipient: string; status: string; lastError: string | null; createdAt: string }[];
}

function RecordCheck({ onRecorded }: { onRecorded(): void }) {
  const { t } = useText();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestApi("/api/daily-checks", { method: "POST", body: { note } });
      setDone(true);
      setNote("");
      onRecorded();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="record-check" onSubmit={submit} aria-labelledby="record-title">
      <h2 id="record-title">{t("todayRecord")}</h2>
      <label for="check-note">{t("todaySummary")}</label>
      <textarea
        id="check-note"
        rows={3}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="buttons">
        <button type="submit" disabled={busy}>
          {busy ? t("saving") : t("todayRecord")}
        </button>
        {done && <span role="status">{t("todayRecorded")}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

export function TodayPage() {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const resource = useResource<TodayView>("/api/today");
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">{t("todayTitle")}</h1>
      <AsyncView resource={resource}>
        {(today) => {
          const since = today.since ? `from=${encodeURIComponent(today.since)}` : "";
          return (
            <>
              <p class="lead">
                {today.lastCheck ? (
                  <>
                    {t("todayLastCheck")}: {formatDate(today.lastCheck.createdAt ?? today.lastCheck.day, language)} (
                    {today.lastCheck.checkedBy}){today.lastCheck.note ? `: ${today.lastCheck.note}` : ""}
                  </>
                ) : (
                  t("todayNoCheck")
                )}
              </p>
              <p class="big">
                <AppLink href={`/failures${since ? `?${since}` : ""}`}>
                  <strong data-testid="today-total">{today.total}</strong> {t("todayArrived")}
                </AppLink>
              </p>
              <div class="columns">
                <div>
                  <h2>{t("todayByIncident")}</h2>
                  {today.byIncident.length === 0 ? (
                    <p>{t("empty")}</p>
                  ) : (
                    <table class="list">
                      <thead>
                        <tr>
                          <th scope="col">{t("fieldIncident")}</th>
                          <th scope="col">{t("colCause")}</th>
                          <th scope="col">{t("colScope")}</th>
                          <th scope="col" class="num">
                            {t("count")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {today.byIncident.map((row) => (
                          <tr key={row.incidentId ?? `none-${row.cause}`}>
                            <td>
                              {row.incidentId ? (
                                <AppLink
                                  href={`/failures?incident=${encodeURIComponent(row.incidentId)}${since ? `&${since}` : ""}`}
                                >
                                  {row.key ?? row.incidentId}
                                </AppLink>
                              ) : (
                                t("todayIndividual")
                              )}
                            </td>
                            <td>{row.cause}</td>
                            <td>{t(`scope_${row.scope}`)}</td>
                            <td class="num">{row.count}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
                <div>
                  <h2>{t("todayByCause")}</h2>
                  {today.byCause.length === 0 ? (
                    <p>{t("empty")}</p>
                  ) : (
                    <table class="list">
                      <thead>
                        <tr>
                          <th scope="col">{t("colCause")}</th>
                          <th scope="col" class="num">
                            {t("count")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {today.byCause.map((row) => (
                          <tr key={row.cause}>
                            <td>
                              <AppLink
                                href={`/failures?cause=${encodeURIComponent(row.cause)}${since ? `&${since}` : ""}`}
                              >
                                {row.cause}
                              </AppLink>
                            </td>
                            <td class="num">{row.count}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              </div>
              <h2>{t("todayNotices")}</h2>
              {today.notices.length === 0 ? (
                <p>{t("todayNoNotices")}</p>
              ) : (
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">{t("colRecipient")}</th>
                      <th scope="col">{t("colStatus")}</th>
                      <th scope="col">{t("error")}</th>
                      <th scope="col">{t("receivedAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {today.notices.map((notice) => (
                      <tr key={notice.id}>
                        <td>{notice.recipient}</td>
                        <td>{notice.status}</td>
                        <td>{notice.lastError ?? "—"}</td>
                        <td>{formatDate(notice.createdAt, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {canEdit && <RecordCheck onRecorded={resource.reload} />}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
