// The tables the authority asks for, laid out as the incident report printed them: failed mails
// per year, each year's outcomes with counts and shares, the serious cases with their notes, and
// the counts per cause, responsible, department and recipient domain; bar charts and CSV beside them.

import { type GroupReport, OUTCOMES, type OutcomeReport, type SeriousReport, type YearlyReport } from "../api/types.js";
import { AppLink } from "../components/app-link.js";
import { AsyncView } from "../components/async-view.js";
import { BarChart } from "../components/bar-chart.js";
import { CsvLink } from "../components/csv-link.js";
import { HorizontalBarChart, topBars } from "../components/horizontal-bar-chart.js";
import type { MessageKey } from "../i18n/messages.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useResource } from "../lib/use-resource.js";

const CHART_BARS = 10;

/** The API gives each share in percent of its year, with one decimal. */
function percent(share: number, language: string): string {
  return `${share.toLocaleString(language === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 })} %`;
}

/** The API's own CSV of a report (`;`-separated, decimal comma, a total row: what Danish spreadsheets open). */
function ReportCsvLink({ name, label }: { name: string; label: string }) {
  const { t } = useText();
  return (
    <CsvLink href={`/api/reports/${name}?format=csv`} fileName={`safetynet-${name}.csv`}>
      {t("downloadCsv")}: {label}
    </CsvLink>
  );
}

function YearlyTable({ report }: { report: YearlyReport }) {
  const { t } = useText();
  return (
    <div class="report">
      <table class="list narrow" data-testid="yearly-table">
        <caption>{t("reportYearly")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("year")}</th>
            <th scope="col" class="num">
              {t("count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td class="num">{row.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            <td class="num">{report.total}</td>
          </tr>
        </tfoot>
      </table>
      <BarChart
        title={t("chartYearly")}
        bars={report.rows.map((row) => ({ label: String(row.year), value: row.count }))}
      />
      <ReportCsvLink name="yearly" label={t("reportYearly")} />
    </div>
  );
}

function OutcomeTable({ report }: { report: OutcomeReport }) {
  const { t, language } = useText();
  const years = [...new Set(report.rows.map((row) => row.year))].sort();
  const outcomes = OUTCOMES.filter((outcome) => report.rows.some((row) => row.outcome === outcome));
  const cell = (year: number, outcome: string) =>
    report.rows.find((row) => row.year === year && row.outcome === outcome);
  const yearTotal = (year: number) =>
    report.rows.filter((row) => row.year === year).reduce((sum, row) => sum + row.count, 0);
  return (
    <div class="report">
      <div class="table-wrap">
        <table class="list" data-testid="outcomes-table">
          <caption>{t("reportOutcomes")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              {outcomes.map((outcome) => (
                <th key={outcome} scope="col" class="num">
                  {t(`outcome_${outcome}`)}
                </th>
              ))}
              <th scope="col" class="num">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {outcomes.map((outcome) => {
                  const found = cell(year, outcome);
                  return (
                    <td key={outcome} class="num">
                      {found ? (
                        <>
                          {found.count} <span class="muted">({percent(found.share, language)})</span>
                        </>
                      ) : (
                        "0"
                      )}
                    </td>
                  );
                })}
                <td class="num">{yearTotal(year)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              {outcomes.map((outcome) => (
                <td key={outcome} class="num">
                  {report.rows.filter((row) => row.outcome === outcome).reduce((sum, row) => sum + row.count, 0)}
                </td>
              ))}
              <td class="num">{report.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <BarChart
        title={t("chartOutcomes")}
        legend={outcomes.map((outcome) => t(`outcome_${outcome}`))}
        bars={years.map((year) => ({
          label: String(year),
          value: yearTotal(year),
          parts: outcomes.map((outcome) => ({
            key: outcome,
            value: cell(year, outcome)?.count ?? 0,
            title: `${t(`outcome_${outcome}`)} ${cell(year, outcome)?.count ?? 0}`,
          })),
        }))}
      />
      <ReportCsvLink name="outcomes" label={t("reportOutcomes")} />
    </div>
  );
}

function SeriousTable({ report }: { report: SeriousReport }) {
  const { t, language } = useText();
  return (
    <div class="report">
      {report.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="list" data-testid="serious-table">
            <caption class="sr-only">{t("reportSerious")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("year")}</th>
                <th scope="col">{t("colSentAt")}</th>
                <th scope="col">{t("colCause")}</th>
                <th scope="col">{t("colSender")}</th>
                <th scope="col">{t("colRecipientDomain")}</th>
                <th scope="col">{t("colOutcome")}</th>
                <th scope="col">{t("note")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.id} data-id={row.id}>
                  <th scope="row">{row.year}</th>
                  <td>
                    <AppLink href={`/failures/${encodeURIComponent(row.id)}`}>
                      {formatDate(row.sentAt, language)}
                    </AppLink>
                  </td>
                  <td>{row.cause}</td>
                  <td>{row.sender ?? t("none")}</td>
                  <td>{row.recipientDomain ?? t("none")}</td>
                  <td>{t(`outcome_${row.outcome}`)}</td>
                  <td class="note">{row.note ?? t("none")}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                <td colSpan={6}>{report.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <ReportCsvLink name="serious" label={t("reportSerious")} />
    </div>
  );
}

interface Grouping {
  name: "cause" | "responsible" | "department" | "recipient-domain";
  title: MessageKey;
  column: MessageKey;
}

const GROUPINGS: Grouping[] = [
  { name: "cause", title: "reportCause", column: "colCause" },
  { name: "responsible", title: "reportResponsible", column: "colResponsible" },
  { name: "department", title: "reportDepartment", column: "colDepartment" },
  { name: "recipient-domain", title: "reportRecipientDomain", column: "colRecipientDomain" },
];

function GroupTable({ report, grouping }: { report: GroupReport; grouping: Grouping }) {
  const { t, language } = useText();
  const label = (key: string) => (key === "(unknown)" ? t("unknownKey") : key);
  const bars = topBars(
    report.rows.map((row) => ({ label: label(row.key), value: row.count })),
    CHART_BARS,
  );
  return (
    <div class="report">
      <table class="list narrow" data-testid={`${grouping.name}-table`}>
        <caption class="sr-only">{t(grouping.title)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(grouping.column)}</th>
            <th scope="col" class="num">
              {t("count")}
            </th>
            <th scope="col" class="num">
              {t("share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{label(row.key)}</th>
              <td class="num">{row.count}</td>
              <td class="num">{percent(row.share, language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            <td class="num">{report.total}</td>
            <td class="num">{percent(100, language)}</td>
          </tr>
        </tfoot>
      </table>
      {bars.length > 1 && (
        <div>
          <HorizontalBarChart bars={bars} title={`${t("chartPrefix")}: ${t(grouping.title)}`} />
          {report.rows.length > CHART_BARS && <p class="muted">{t("chartTopNote")}</p>}
        </div>
      )}
      <ReportCsvLink name={grouping.name} label={t(grouping.title)} />
    </div>
  );
}

function GroupSection({ grouping }: { grouping: Grouping }) {
  const { t } = useText();
  const resource = useResource<GroupReport>(`/api/reports/${grouping.name}`);
  return (
    <>
      <h2>{t(grouping.title)}</h2>
      <AsyncView resource={resource}>{(report) => <GroupTable report={report} grouping={grouping} />}</AsyncView>
    </>
  );
}

export function ReportsPage() {
  const { t } = useText();
  const yearly = useResource<YearlyReport>("/api/reports/yearly");
  const outcomes = useResource<OutcomeReport>("/api/reports/outcomes");
  const serious = useResource<SeriousReport>("/api/reports/serious");
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t("reportsTitle")}</h1>
      <h2>{t("reportYearly")}</h2>
      <p class="muted">{t("reportYearlyNote")}</p>
      <AsyncView resource={yearly}>{(report) => <YearlyTable report={report} />}</AsyncView>
      <h2>{t("reportOutcomes")}</h2>
      <AsyncView resource={outcomes}>{(report) => <OutcomeTable report={report} />}</AsyncView>
      <h2>{t("reportSerious")}</h2>
      <p class="muted">{t("reportSeriousNote")}</p>
      <AsyncView resource={serious}>{(report) => <SeriousTable report={report} />}</AsyncView>
      {GROUPINGS.map((grouping) => (
        <GroupSection key={grouping.name} grouping={grouping} />
      ))}
    </section>
  );
}
