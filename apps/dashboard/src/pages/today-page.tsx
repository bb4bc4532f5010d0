// The morning routine: what arrived since the last recorded check, grouped by incident and by
// cause, the notices a person must handle, and the button that records today's check.
import { useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import { ActionButton } from "../components/action-button.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { loadToday, type Notice } from "../lib/load-today.js";
import { useSession } from "../lib/session.js";
import { useAsync } from "../lib/use-resource.js";

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
      await requestApi("/api/daily-checks", { method: "POST", body: { summary: note } });
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

function NoticeTable({ notices }: { notices: Notice[] }) {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const [resent, setResent] = useState<Set<string>>(new Set());
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{t("colRecipient")}</th>
          <th scope="col">{t("colStatus")}</th>
          <th scope="col">{t("error")}</th>
          <th scope="col">{t("receivedAt")}</th>
          {canEdit && <th scope="col">{t("resend")}</th>}
        </tr>
      </thead>
      <tbody>
        {notices.map((notice) => (
          <tr key={notice.id}>
            <td>
              {notice.recipient} <span class="muted">({notice.recipientRole})</span>
            </td>
            <td>{t(`attention_${notice.attention}`)}</td>
            <td class="mono">{notice.lastError ?? "—"}</td>
            <td class="date">{formatDate(notice.createdAt, language)}</td>
            {canEdit && (
              <td>
                {resent.has(notice.id) ? (
                  <span role="status">{t("reprocessed")}</span>
                ) : (
                  <ActionButton
                    class="secondary"
                    action={async () => {
                      await requestApi(`/api/notices/${encodeURIComponent(notice.id)}/resend`, { method: "POST" });
                      setResent(new Set([...resent, notice.id]));
                    }}
                  >
                    {t("resend")}
                  </ActionButton>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TodayPage() {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const resource = useAsync(() => loadToday(), []);
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">{t("todayTitle")}</h1>
      <AsyncView resource={resource}>
        {(today) => {
          const since = `from=${encodeURIComponent(today.since)}`;
          return (
            <>
              <p class="lead">
                {today.lastCheck ? (
                  <>
                    {t("todayLastCheck")}: {formatDate(today.lastCheck.createdAt, language)} (
                    {today.lastCheck.checkedBy}){today.lastCheck.summary ? `: ${today.lastCheck.summary}` : ""}
                  </>
                ) : (
                  t("todayNoCheck")
                )}
              </p>
              {today.grouped < today.total && (
                <p class="muted">
                  {t("todayGroupedNewest")} {today.grouped}
                </p>
              )}
              <p class="big">
                <AppLink href={`/failures?${since}`}>
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
                                <AppLink href={`/failures?incident=${encodeURIComponent(row.incidentId)}&${since}`}>
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
                              <AppLink href={`/failures?cause=${encodeURIComponent(row.cause)}&${since}`}>
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
              {today.notices.length === 0 ? <p>{t("todayNoNotices")}</p> : <NoticeTable notices={today.notices} />}
              {today.daysWithout.length > 0 && (
                <p class="muted">
                  {t("todayDaysWithout")}: {today.daysWithout.slice(-7).join(", ")}
                </p>
              )}
              {canEdit && <RecordCheck onRecorded={resource.reload} />}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
