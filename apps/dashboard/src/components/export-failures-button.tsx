// CSV of every failure the filter matches, not just the page on screen. The API's CSV answer does
// the work when it has one; otherwise the dashboard pages through the JSON list itself.
import { useState } from "preact/hooks";
import { requestApi, requestCsv } from "../api/request-api.js";
import type { FailureSummary, ListPage } from "../api/types.js";
import { useText } from "../i18n/use-text.js";
import { apiQuery, type Filters, listQuery } from "../lib/failure-filters.js";
import { downloadText, toCsv } from "../lib/to-csv.js";
import { ErrorMessage } from "./async-view.js";

const COLUMNS = [
  "id",
  "sentAt",
  "failedAt",
  "sender",
  "recipient",
  "subject",
  "reason",
  "cause",
  "scope",
  "outcome",
  "serious",
];

async function pageThrough(filters: Filters, sort: string): Promise<string> {
  const rows: unknown[][] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<FailureSummary> = await requestApi(`/api/failures${apiQuery(filters, sort, cursor, 500)}`);
    for (const item of page.items) {
      const record = item as unknown as Record<string, unknown>;
      rows.push(
        COLUMNS.map((column) =>
          column === "sender"
            ? (item.sender ?? item.originalSender)
            : column === "subject"
              ? (item.subject ?? item.subjectMasked)
              : record[column],
        ),
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(COLUMNS, rows);
}

export function ExportFailuresButton({ filters, sort }: { filters: Filters; sort: string }) {
  const { t } = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // GET /api/failures with Accept: text/csv answers every match as CSV; an API without that
      // answers JSON (one page), and then the dashboard pages through the list itself.
      const text = (await requestCsv(`/api/failures${listQuery(filters, sort)}`)) ?? (await pageThrough(filters, sort));
      downloadText(`failures-${new Date().toISOString().slice(0, 10)}.csv`, text);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="action">
      <button type="button" class="secondary" onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? t("downloading") : t("downloadCsv")}
      </button>
      {error && <ErrorMessage error={error} />}
    </span>
  );
}
