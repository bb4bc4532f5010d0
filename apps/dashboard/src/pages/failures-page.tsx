// The triage queue: filters and sort in the URL, cursor pages, a selection that survives paging
// for bulk outcome changes, and a CSV export of everything the filter matches.
import { useEffect, useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import { type FailureSummary, type ListPage, OUTCOMES, type Outcome } from "../api/types.js";
import { ActionButton } from "../components/action-button.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView } from "../components/async-view.js";
import { ExportFailuresLink } from "../components/export-failures-link.js";
import { FailureFilterForm } from "../components/failure-filter-form.js";
import { formatDate, useText } from "../i18n/use-text.js";
import {
  apiQuery,
  DEFAULT_SORT,
  type Filters,
  listQuery,
  nextSort,
  readFilters,
  sortDirection,
} from "../lib/failure-filters.js";
import { navigate } from "../lib/router.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

const COLUMNS: { field: string; key: string; sortable: boolean }[] = [
  { field: "failedAt", key: "colFailedAt", sortable: true },
  { field: "sentAt", key: "colSentAt", sortable: true },
  { field: "sender", key: "colSender", sortable: false },
  { field: "recipient", key: "colRecipient", sortable: false },
  { field: "subject", key: "colSubject", sortable: false },
  { field: "reason", key: "colReason", sortable: false },
  { field: "cause", key: "colCause", sortable: false },
  { field: "scope", key: "colScope", sortable: false },
  { field: "outcome", key: "colOutcome", sortable: false },
];

/** An address that wraps after its "@" when the column is narrow, never inside a word. */
function breakableAddress(address: string | null | undefined) {
  if (!address) return "—";
  const at = address.indexOf("@");
  if (at < 0) return address;
  return (
    <>
      {address.slice(0, at)}
      <wbr />@{address.slice(at + 1)}
    </>
  );
}

export function FailuresPage({ query }: { query: URLSearchParams }) {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const filters = readFilters(query);
  const sort = query.get("sort") ?? DEFAULT_SORT;
  const cursor = query.get("cursor");
  const filterKey = listQuery(filters, sort);
  const resource = useResource<ListPage<FailureSummary>>(`/api/failures${apiQuery(filters, sort, cursor)}`);
  // Cursors of the pages before this one, so "previous" works with forward-only cursors.
  const [trail, setTrail] = useState<(string | null)[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkOutcome, setBulkOutcome] = useState<Outcome>("resent");
  const [bulkMessage, setBulkMessage] = useState("");

  // A new filter or sort is a new list: start at its first page with nothing selected.
  useEffect(() => {
    setTrail([]);
    setSelected(new Set());
  }, [filterKey]);

  const go = (next: Filters, nextSortValue = sort, nextCursor: string | null = null) =>
    navigate(`/failures${listQuery(next, nextSortValue, nextCursor)}`);

  const toggle = (id: string) => {
    const copy = new Set(selected);
    if (copy.has(id)) copy.delete(id);
    else copy.add(id);
    setSelected(copy);
  };

  const applyBulk = async () => {
    const ids = [...selected];
    const result = await requestApi<{ updated: number }>("/api/failures", {
      method: "PATCH",
      body: { ids, change: { outcome: bulkOutcome } },
    });
    setBulkMessage(`${result?.updated ?? ids.length} ${t("bulkDone")}`);
    setSelected(new Set());
    resource.reload();
  };

  return (
    <section aria-labelledby="failures-title">
      <h1 id="failures-title">{t("failuresTitle")}</h1>
      <FailureFilterForm filters={filters} onApply={(next) => go(next)} />
      <AsyncView resource={resource}>
        {(page) => {
          const pageIds = page.items.map((item) => item.id);
          const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
          return (
            <>
              <div class="toolbar">
                <p class="summary" aria-live="polite">
                  <strong data-testid="total">
                    {page.total.toLocaleString(language === "da" ? "da-DK" : "en-GB")}
                  </strong>{" "}
                  {t("matches")}
                </p>
                <ExportFailuresLink filters={filters} sort={sort} />
              </div>
              {canEdit && (
                <fieldset class="bulk">
                  <legend>
                    {selected.size} {t("selected")}
                  </legend>
                  <label for="bulk-outcome">{t("bulkSetOutcome")}</label>
                  <select
                    id="bulk-outcome"
                    value={bulkOutcome}
                    onChange={(event) => setBulkOutcome((event.currentTarget as HTMLSelectElement).value as Outcome)}
                  >
                    {OUTCOMES.map((outcome) => (
                      <option key={outcome} value={outcome}>
                        {t(`outcome_${outcome}`)}
                      </option>
                    ))}
                  </select>
                  <ActionButton action={applyBulk} disabled={selected.size === 0}>
                    {t("bulkApply")}
                  </ActionButton>
                  <button
                    type="button"
                    class="secondary"
                    disabled={selected.size === 0}
                    onClick={() => setSelected(new Set())}
                  >
                    {t("clearSelection")}
                  </button>
                  {bulkMessage && <span role="status">{bulkMessage}</span>}
                </fieldset>
              )}
              {page.items.length === 0 ? (
                <p>{t("empty")}</p>
              ) : (
                <div class="table-wrap">
                  <table class="list">
                    <caption class="sr-only">{t("failuresTitle")}</caption>
                    <thead>
                      <tr>
                        {canEdit && (
                          <th scope="col">
                            <input
                              type="checkbox"
                              aria-label={t("selectPage")}
                              checked={allOnPage}
                              onChange={() => {
                                const copy = new Set(selected);
                                for (const id of pageIds) {
                                  if (allOnPage) copy.delete(id);
                                  else copy.add(id);
                                }
                                setSelected(copy);
                              }}
                            />
                          </th>
                        )}
                        {COLUMNS.map((column) => (
                          <th key={column.field} scope="col" aria-sort={sortDirection(sort, column.field)}>
                            {column.sortable ? (
                              <button
                                type="button"
                                class="sort"
                                onClick={() => go(filters, nextSort(sort, column.field))}
                              >
                                {t(column.key)}
                                <span aria-hidden="true">
                                  {sortDirection(sort, column.field) === "ascending"
                                    ? " ▲"
                                    : sortDirection(sort, column.field) === "descending"
                                      ? " ▼"
                                      : ""}
                                </span>
                              </button>
                            ) : (
                              t(column.key)
                            )}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((item) => (
                        <tr key={item.id} data-id={item.id} class={item.serious ? "serious" : undefined}>
                          {canEdit && (
                            <td>
                              <input
                                type="checkbox"
                                aria-label={`${t("selectRow")} ${item.recipient ?? item.id}`}
                                checked={selected.has(item.id)}
                                onChange={() => toggle(item.id)}
                              />
                            </td>
                          )}
                          <td class="date">
                            <AppLink href={`/failures/${encodeURIComponent(item.id)}`}>
                              {formatDate(item.failedAt, language, true, "short")}
                            </AppLink>
                          </td>
                          <td class="date">{formatDate(item.sentAt, language, true, "short")}</td>
                          <td class="addr">{breakableAddress(item.sender ?? item.originalSender)}</td>
                          <td class="addr">{breakableAddress(item.recipient)}</td>
                          <td class="subject">{item.subject ?? item.subjectMasked ?? "—"}</td>
                          <td>{item.reason}</td>
                          <td>{item.cause}</td>
                          <td>{t(`scope_${item.scope}`)}</td>
                          <td data-testid="outcome">
                            {t(`outcome_${item.outcome}`)}
                            {item.serious && <span class="badge">{t("colSerious")}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <nav class="pager" aria-label={t("page")}>
                <button
                  type="button"
                  class="secondary"
                  disabled={trail.length === 0}
                  onClick={() => {
                    const previous = trail.slice(0, -1);
                    setTrail(previous);
                    go(filters, sort, trail[trail.length - 1] ?? null);
                  }}
                >
                  {t("previous")}
                </button>
                <span>
                  {t("page")} {trail.length + 1}
                </span>
                <button
                  type="button"
                  class="secondary"
                  disabled={!page.nextCursor}
                  onClick={() => {
                    setTrail([...trail, cursor]);
                    go(filters, sort, page.nextCursor);
                  }}
                >
                  {t("next")}
                </button>
              </nav>
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
