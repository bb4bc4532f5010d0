// Messages the worker could not process: why, when, and a button to put one through again.
import { useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import type { ListPage } from "../api/types.js";
import { ActionButton } from "../components/action-button.js";
import { AsyncView } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface QuarantineItem {
  id: string;
  error: string;
  receivedAt: string;
  size?: number;
  mailbox?: string | null;
}

export function QuarantinePage() {
  const { t, language } = useText();
  const { canEdit } = useSession();
  const resource = useResource<ListPage<QuarantineItem>>("/api/quarantine?limit=200");
  const [queued, setQueued] = useState<Set<string>>(new Set());
  return (
    <section aria-labelledby="quarantine-title">
      <h1 id="quarantine-title">{t("quarantineTitle")}</h1>
      <p class="muted">{t("quarantineIntro")}</p>
      <AsyncView resource={resource}>
        {(page) => (
          <DataTable
            caption={t("quarantineTitle")}
            items={page.items}
            columns={[
              { label: t("receivedAt"), render: (item) => formatDate(item.receivedAt, language) },
              { label: t("error"), render: (item) => <span class="mono">{item.error}</span> },
              { label: "Id", render: (item) => <span class="mono">{item.id}</span> },
              ...(canEdit
                ? [
                    {
                      label: t("reprocess"),
                      render: (item: QuarantineItem) =>
                        queued.has(item.id) ? (
                          <span role="status">{t("reprocessed")}</span>
                        ) : (
                          <ActionButton
                            class="secondary"
                            action={async () => {
                              await requestApi(`/api/quarantine/${encodeURIComponent(item.id)}/reprocess`, {
                                method: "POST",
                              });
                              setQueued(new Set([...queued, item.id]));
                            }}
                          >
                            {t("reprocess")}
                          </ActionButton>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </AsyncView>
    </section>
  );
}
