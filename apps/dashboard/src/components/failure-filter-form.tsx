// The failure list's filters as a plain form: Enter or the button applies them (to the URL).
import { REASONS } from "@safetynet/core";
import { useEffect, useState } from "preact/hooks";
import { OUTCOMES, SCOPES } from "../api/types.js";
import { useText } from "../i18n/use-text.js";
import type { Filters } from "../lib/failure-filters.js";

export function FailureFilterForm({ filters, onApply }: { filters: Filters; onApply(filters: Filters): void }) {
  const { t } = useText();
  const [draft, setDraft] = useState<Filters>(filters);
  const shared = JSON.stringify(filters);
  // Back/forward or a shared link changes the URL: show its filters.
  useEffect(() => setDraft(filters), [shared]);
  const field = (key: keyof Filters) => ({
    id: `filter-${key}`,
    name: key,
    value: draft[key] ?? "",
    onInput: (event: Event) => setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="filters"
      aria-label={t("filters")}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div>
        <label for="filter-q">{t("filterQuery")}</label>
        <input type="search" {...field("q")} />
      </div>
      <div>
        <label for="filter-from">{t("filterFrom")}</label>
        <input type="date" {...field("from")} />
      </div>
      <div>
        <label for="filter-to">{t("filterTo")}</label>
        <input type="date" {...field("to")} />
      </div>
      <div>
        <label for="filter-dateField">{t("filterDateField")}</label>
        <select {...field("dateField")} onChange={field("dateField").onInput}>
          <option value="">{t("colFailedAt")}</option>
          <option value="sentAt">{t("colSentAt")}</option>
        </select>
      </div>
      <div>
        <label for="filter-reason">{t("filterReason")}</label>
        <select {...field("reason")} onChange={field("reason").onInput}>
          <option value="">{t("any")}</option>
          {REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {reason}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-cause">{t("filterCause")}</label>
        <input type="text" {...field("cause")} />
      </div>
      <div>
        <label for="filter-sender">{t("colSender")}</label>
        <input type="text" {...field("sender")} />
      </div>
      <div>
        <label for="filter-department">{t("staffDepartment")}</label>
        <input type="text" {...field("department")} />
      </div>
      <div>
        <label for="filter-recipientDomain">{t("filterRecipientDomain")}</label>
        <input type="text" {...field("recipientDomain")} />
      </div>
      <div>
        <label for="filter-scope">{t("filterScope")}</label>
        <select {...field("scope")} onChange={field("scope").onInput}>
          <option value="">{t("any")}</option>
          {SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`scope_${scope}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-outcome">{t("filterOutcome")}</label>
        <select {...field("outcome")} onChange={field("outcome").onInput}>
          <option value="">{t("any")}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome_${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-serious">{t("filterSerious")}</label>
        <select {...field("serious")} onChange={field("serious").onInput}>
          <option value="">{t("any")}</option>
          <option value="true">{t("yes")}</option>
          <option value="false">{t("no")}</option>
        </select>
      </div>
      <div>
        <label for="filter-source">{t("filterSource")}</label>
        <select {...field("source")} onChange={field("source").onInput}>
          <option value="">{t("any")}</option>
          <option value="live">{t("sourceLive")}</option>
          <option value="backfill">{t("sourceBackfill")}</option>
        </select>
      </div>
      <div>
        <label for="filter-incident">{t("fieldIncident")}</label>
        <input type="text" {...field("incident")} />
      </div>
      <div class="buttons">
        <button type="submit">{t("filterApply")}</button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t("filterReset")}
        </button>
      </div>
    </form>
  );
}
