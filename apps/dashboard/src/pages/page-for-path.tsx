// One URL per page (DESIGN.md): the path picks the page, the query string carries its state.
import { useEffect } from "preact/hooks";
import { useText } from "../i18n/use-text.js";
import type { Location } from "../lib/router.js";
import { CanaryPage } from "./canary-page.js";
import { FailureDetailPage } from "./failure-detail-page.js";
import { FailuresPage } from "./failures-page.js";
import { IncidentsPage } from "./incidents-page.js";
import { MailboxesPage } from "./mailboxes-page.js";
import { QuarantinePage } from "./quarantine-page.js";
import { ReportsPage } from "./reports-page.js";
import { StaffPage } from "./staff-page.js";
import { SuppliersPage } from "./suppliers-page.js";
import { TodayPage } from "./today-page.js";
import { TokensPage } from "./tokens-page.js";

const PAGES: Record<string, { title: string; render(location: Location): preact.ComponentChildren }> = {
  "/today": { title: "navToday", render: () => <TodayPage /> },
  "/failures": { title: "navFailures", render: (location) => <FailuresPage query={location.query} /> },
  "/incidents": { title: "navIncidents", render: (location) => <IncidentsPage query={location.query} /> },
  "/reports": { title: "navReports", render: () => <ReportsPage /> },
  "/quarantine": { title: "navQuarantine", render: () => <QuarantinePage /> },
  "/mailboxes": { title: "navMailboxes", render: () => <MailboxesPage /> },
  "/suppliers": { title: "navSuppliers", render: () => <SuppliersPage /> },
  "/staff": { title: "navStaff", render: (location) => <StaffPage query={location.query} /> },
  "/tokens": { title: "navTokens", render: () => <TokensPage /> },
  "/canary": { title: "navCanary", render: () => <CanaryPage /> },
};

export function PageForPath({ location }: { location: Location }) {
  const { t } = useText();
  const detail = /^\/failures\/([^/]+)$/.exec(location.path);
  const page = PAGES[location.path];
  const title = detail ? t("detailTitle") : page ? t(page.title) : t("notFound");
  useEffect(() => {
    document.title = `${title} · ${t("appName")}`;
  }, [title]);
  if (detail) return <FailureDetailPage id={decodeURIComponent(detail[1]!)} />;
  if (page) return <>{page.render(location)}</>;
  return <h1>{t("notFound")}</h1>;
}
