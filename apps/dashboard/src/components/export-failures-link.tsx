// CSV of every failure the filter matches, not just the page on screen. A plain link to the API's
// own CSV answer: the browser streams the file to disk (the session cookie goes with a GET), so a
// filter matching hundreds of thousands of rows never passes through the page's memory.
import { useText } from "../i18n/use-text.js";
import { exportCsvUrl, type Filters } from "../lib/failure-filters.js";
import { CsvLink } from "./csv-link.js";

export function ExportFailuresLink({ filters, sort }: { filters: Filters; sort: string }) {
  const { t } = useText();
  return (
    <CsvLink href={exportCsvUrl(filters, sort)} fileName="safetynet-failures.csv">
      {t("downloadCsv")}
    </CsvLink>
  );
}
