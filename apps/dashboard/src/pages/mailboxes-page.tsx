// The monitored mailboxes: sync state, the last message seen, and errors (auth failures first).
import type { ListPage } from "../api/types.js";
import { AsyncView } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useResource } from "../lib/use-resource.js";

interface MailboxItem {
  id: string;
  name: string;
  status: string;
  lastError: string | null;
  lastSeenAt: string | null;
  lastFullSyncAt: string | null;
  lastMessageAt?: string | null;
  lastUid?: string | number | null;
}

export function MailboxesPage() {
  const { t, language } = useText();
  const resource = useResource<ListPage<MailboxItem>>("/api/mailboxes");
  return (
    <section aria-labelledby="mailboxes-title">
      <h1 id="mailboxes-title">{t("mailboxesTitle")}</h1>
      <AsyncView resource={resource}>
        {(page) => (
          <DataTable
            caption={t("mailboxesTitle")}
            items={page.items}
            columns={[
              { label: t("mailboxName"), render: (item) => item.name },
              {
                label: t("mailboxStatus"),
                render: (item) => <span class={`pill ${item.status === "active" ? "ok" : "bad"}`}>{item.status}</span>,
              },
              {
                label: t("mailboxLastSeen"),
                render: (item) => formatDate(item.lastMessageAt ?? item.lastSeenAt, language),
              },
              { label: t("mailboxLastSync"), render: (item) => formatDate(item.lastFullSyncAt, language) },
              { label: "UID", numeric: true, render: (item) => item.lastUid ?? "—" },
              { label: t("mailboxError"), render: (item) => item.lastError ?? "—" },
            ]}
          />
        )}
      </AsyncView>
    </section>
  );
}
