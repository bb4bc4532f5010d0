// The failure list's state as URL query parameters, so a filtered, sorted view can be shared:
// every API filter of GET /api/failures, the sort, and the page cursor.

export const FILTER_KEYS = [
  "from",
  "to",
  "dateField",
  "reason",
  "cause",
  "scope",
  "outcome",
  "sender",
  "department",
  "recipientDomain",
  "incident",
  "serious",
  "source",
  "q",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const DEFAULT_SORT = "-failedAt";
export const PAGE_SIZE = 50;

export function readFilters(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The list's own query string: filters, then sort and cursor when they differ from the start. */
export function listQuery(filters: Filters, sort: string, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) query.set(key, value);
  }
  if (sort && sort !== DEFAULT_SORT) query.set("sort", sort);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The API request for one page: the same filters plus the page size. */
export function apiQuery(filters: Filters, sort: string, cursor: string | null, limit = PAGE_SIZE): string {
  const query = new URLSearchParams(listQuery(filters, sort, cursor).slice(1));
  query.set("sort", sort);
  query.set("limit", String(limit));
  return `?${query.toString()}`;
}

/** The API's CSV of every match (`?format=csv`: limit and cursor do not apply), in the list's order. */
export function exportCsvUrl(filters: Filters, sort: string): string {
  const query = new URLSearchParams(listQuery(filters, sort).slice(1));
  query.set("format", "csv");
  return `/api/failures?${query.toString()}`;
}

/** Clicking a column: sort by it descending first, then ascending. */
export function nextSort(current: string, field: string): string {
  return current === `-${field}` ? field : `-${field}`;
}

export function sortDirection(current: string, field: string): "ascending" | "descending" | undefined {
  if (current === field) return "ascending";
  if (current === `-${field}`) return "descending";
  return undefined;
}
