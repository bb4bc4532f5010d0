// The tables the authority asks for, laid out as the incident report printed them: failed mails
// per year, and each year's outcomes with counts and shares; bar charts and CSV beside them.

import { requestCsv } from "../api/request-api.js";
import { OUTCOMES, type OutcomeReport, type YearlyReport } from "../api/types.js";
import { ActionButton } from "../components/action-button.js";
import { AsyncView } from "../components/async-view.js";
import { BarChart } from "../components/bar-chart.js";
import { useText } from "../i18n/use-text.js";
import { downloadText } from "../lib/to-csv.js";
import { useResource } from "../lib/use-resource.js";

/** The API gives each share in percent of its year, with one decimal. */
function percent(share: number, language: string): string {
  return `${share.toLocaleString(language === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 })} %`;
}

/** The API's own CSV of a report (`;`-separated, decimal comma, a total row: what Danish spreadsheets open). */
function ReportCsvButton({ path, name, label }: { path: string; name: string; label: string }) {
  const { t } = useText();
  return (
    <ActionButton
      class="secondary"
      action={async () => {
        const csv = await requestCsv(`${path}?format=csv`);
        if (csv === null) throw new Error("the API sent no CSV");
        downloadText(`safetynet-${name}.csv`, csv);
      }}
    >
      {t("downloadCsv")}: {label}
    </ActionButton>
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
      <ReportCsvButton path="/api/reports/yearly" name="yearly" label={t("reportYearly")} />
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
      <ReportCsvButton path="/api/reports/outcomes" name="outcomes" label={t("reportOutcomes")} />
    </div>
  );
}

export function ReportsPage() {
  const { t } = useText();
  const yearly = useResource<YearlyReport>("/api/reports/yearly");
  const outcomes = useResource<OutcomeReport>("/api/reports/outcomes");
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t("reportsTitle")}</h1>
      <h2>{t("reportYearly")}</h2>
      <p class="muted">{t("reportYearlyNote")}</p>
      <AsyncView resource={yearly}>{(report) => <YearlyTable report={report} />}</AsyncView>
      <h2>{t("reportOutcomes")}</h2>
      <AsyncView resource={outcomes}>{(report) => <OutcomeTable report={report} />}</AsyncView>
    </section>
  );
}
