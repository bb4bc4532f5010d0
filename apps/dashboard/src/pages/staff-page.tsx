// The staff directory (who is told when a sender has left): search it, and import a new CSV
// export (admin), the same format `safetynet directory import` reads.
import { useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import type { ListPage } from "../api/types.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { useText } from "../i18n/use-text.js";
import { navigate } from "../lib/router.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface StaffItem {
  email: string;
  name: string;
  department: string | null;
  managerEmail: string | null;
  active: boolean;
}

function ImportStaff({ onImported }: { onImported(): void }) {
  const { t } = useText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <form
      class="inline"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file) return;
        setBusy(true);
        setError(null);
        try {
          const answer = await requestApi<{ upserted: number; deactivated: number }>("/api/staff/import", {
            method: "POST",
            rawBody: { text: await file.text(), type: "text/csv" },
          });
          setResult(`${answer.upserted} ${t("staffImported")}`);
          onImported();
        } catch (caught) {
          setError(caught as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t("staffImport")}</h2>
      <p class="muted">{t("staffImportHelp")}</p>
      <label for="staff-file">{t("staffFile")}</label>
      <input
        id="staff-file"
        type="file"
        accept=".csv,text/csv"
        required
        onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
      />
      <button type="submit" disabled={busy}>
        {busy ? t("saving") : t("staffImport")}
      </button>
      {result && <span role="status">{result}</span>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

export function StaffPage({ query }: { query: URLSearchParams }) {
  const { t } = useText();
  const { isAdmin } = useSession();
  const q = query.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const resource = useResource<ListPage<StaffItem>>(`/api/staff?limit=200${q ? `&q=${encodeURIComponent(q)}` : ""}`);
  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t("staffTitle")}</h1>
      <form
        class="filters"
        aria-label={t("filterQuery")}
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/staff${draft ? `?q=${encodeURIComponent(draft)}` : ""}`);
        }}
      >
        <div>
          <label for="staff-q">{t("filterQuery")}</label>
          <input
            id="staff-q"
            type="search"
            value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="buttons">
          <button type="submit">{t("filterApply")}</button>
        </div>
      </form>
      <AsyncView resource={resource}>
        {(page) => (
          <DataTable
            caption={t("staffTitle")}
            items={page.items}
            rowKey={(item) => item.email}
            columns={[
              { label: t("staffEmail"), render: (item) => item.email },
              { label: t("staffName"), render: (item) => item.name },
              { label: t("staffDepartment"), render: (item) => item.department ?? "—" },
              { label: t("staffManager"), render: (item) => item.managerEmail ?? "—" },
              { label: t("staffActive"), render: (item) => (item.active ? t("yes") : t("no")) },
            ]}
          />
        )}
      </AsyncView>
      {isAdmin && <ImportStaff onImported={resource.reload} />}
    </section>
  );
}
