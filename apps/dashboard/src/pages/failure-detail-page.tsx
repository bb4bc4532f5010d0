// One failure: who, what, why (masked report fields), the timeline, and the triage form
// (outcome, serious risk, note) for triagers and admins.
import { useEffect, useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import { type FailureDetail, OUTCOMES, type Outcome } from "../api/types.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

function TriageForm({ failure, onSaved }: { failure: FailureDetail; onSaved(): void }) {
  const { t } = useText();
  const [outcome, setOutcome] = useState<Outcome>(failure.outcome);
  const [serious, setSerious] = useState(Boolean(failure.serious));
  const [note, setNote] = useState(failure.note ?? "");
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    setOutcome(failure.outcome);
    setSerious(Boolean(failure.serious));
    setNote(failure.note ?? "");
  }, [failure]);
  const save = async (event: Event) => {
    event.preventDefault();
    setState("saving");
    setError(null);
    try {
      await requestApi(`/api/failures/${encodeURIComponent(failure.id)}`, {
        method: "PATCH",
        body: { outcome, serious, note },
      });
      setState("saved");
      onSaved();
    } catch (caught) {
      setError(caught as Error);
      setState("idle");
    }
  };
  return (
    <form class="triage" onSubmit={save} aria-labelledby="triage-title">
      <h2 id="triage-title">{t("triage")}</h2>
      <label for="outcome">{t("colOutcome")}</label>
      <select
        id="outcome"
        value={outcome}
        onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as Outcome)}
      >
        {OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {t(`outcome_${value}`)}
          </option>
        ))}
      </select>
      <div class="check">
        <input
          id="serious"
          type="checkbox"
          checked={serious}
          onChange={(e) => setSerious((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="serious">{t("seriousRisk")}</label>
      </div>
      <label for="note">{t("note")}</label>
      <textarea
        id="note"
        rows={3}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="buttons">
        <button type="submit" disabled={state === "saving"}>
          {state === "saving" ? t("saving") : t("save")}
        </button>
        {state === "saved" && <span role="status">{t("saved")}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function Field({ label, value, mono }: { label: string; value: preact.ComponentChildren; mono?: boolean }) {
  const empty = value === null || value === undefined || value === "";
  return (
    <>
      <dt>{label}</dt>
      <dd class={mono && !empty ? "mono" : undefined}>{empty ? "—" : value}</dd>
    </>
  );
}

/** The timeline's detail as short "key: value" pairs (ids, codes, staff addresses; never mail text). */
function describeDetail(detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  return Object.entries(detail as Record<string, unknown>)
    .filter(([key, value]) => value !== null && value !== undefined && value !== "" && !/id$/i.test(key))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function FailureDetailPage({ id }: { id: string }) {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const resource = useResource<FailureDetail>(`/api/failures/${encodeURIComponent(id)}`);
  return (
    <section aria-labelledby="detail-title">
      <p>
        <AppLink href="/failures">← {t("back")}</AppLink>
      </p>
      <h1 id="detail-title">{t("detailTitle")}</h1>
      <AsyncView resource={resource}>
        {(failure) => (
          <div class="detail">
            <div>
              <dl class="fields">
                <Field label={t("colSender")} value={failure.sender ?? failure.originalSender} />
                <Field label={t("colRecipient")} value={failure.recipient} />
                <Field label={t("colSubject")} value={failure.subject ?? failure.subjectMasked} />
                <Field label={t("colSentAt")} value={formatDate(failure.sentAt, language)} />
                <Field label={t("colFailedAt")} value={formatDate(failure.failedAt, language)} />
                <Field
                  label={t("colOutcome")}
                  value={<span data-testid="outcome">{t(`outcome_${failure.outcome}`)}</span>}
                />
                <Field label={t("seriousRisk")} value={failure.serious ? t("yes") : t("no")} />
                <Field label={t("note")} value={failure.note} />
                <Field
                  label={t("fieldTriaged")}
                  value={failure.triagedBy ? `${failure.triagedBy}, ${formatDate(failure.triagedAt, language)}` : null}
                />
                <Field label={t("fieldNotifiedTo")} value={failure.notifiedTo} />
                <Field
                  label={t("fieldIncident")}
                  value={
                    failure.incidentId ? (
                      <AppLink href={`/failures?incident=${encodeURIComponent(failure.incidentId)}`}>
                        {failure.incidentId}
                      </AppLink>
                    ) : null
                  }
                />
              </dl>
              <h2>{t("ndrFields")}</h2>
              <dl class="fields">
                <Field label={t("colReason")} value={failure.reason} />
                <Field label={t("colCause")} value={failure.cause} />
                <Field label={t("colScope")} value={t(`scope_${failure.scope}`)} />
                <Field label={t("colStatus")} value={failure.status} />
                <Field label={t("fieldReplyCode")} value={failure.replyCode} />
                <Field label={t("fieldDiagnostic")} mono value={failure.diagnostic ?? failure.diagnosticMasked} />
                <Field label={t("fieldReportingMta")} value={failure.reportingMta} />
                <Field label={t("fieldRemoteMta")} value={failure.remoteMta} />
                <Field label={t("fieldMessageId")} mono value={failure.originalMessageId} />
                <Field label={t("fieldResponsible")} value={failure.responsible} />
                <Field label={t("fieldBackfilled")} value={failure.backfilled ? t("yes") : t("no")} />
              </dl>
            </div>
            <div>
              {canEdit && <TriageForm failure={failure} onSaved={resource.reload} />}
              <h2>{t("timeline")}</h2>
              <ol class="timeline">
                {failure.timeline.map((entry, index) => (
                  <li key={`${entry.at}-${index}`}>
                    <time dateTime={entry.at ?? undefined}>{formatDate(entry.at, language)}</time>{" "}
                    <strong>{t(`event_${entry.event}`)}</strong>
                    {describeDetail(entry.detail) && <span class="muted"> · {describeDetail(entry.detail)}</span>}
                  </li>
                ))}
              </ol>
            </div>
          </div>
        )}
      </AsyncView>
    </section>
  );
}
