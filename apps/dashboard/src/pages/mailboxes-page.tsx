// The monitored mailboxes: sync state, the last message seen, and errors (auth failures first).
// Admins pause and resume a mailbox and add one here; everyone else only reads.
import { useState } from "preact/hooks";
import { requestApi } from "../api/request-api.js";
import type { ListPage } from "../api/types.js";
import { ActionButton } from "../components/action-button.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { type Column, DataTable } from "../components/data-table.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { mailboxUrl } from "../lib/mailbox-url.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface MailboxItem {
  id: string;
  name: string;
  url?: string;
  status: string;
  lastError: string | null;
  lastSeenAt: string | null;
  lastFullSyncAt: string | null;
  lastMessageAt?: string | null;
  lastUid?: string | number | null;
}

const MARK_MODES = ["none", "keyword", "move"] as const;

function setStatus(id: string, status: "active" | "paused") {
  return requestApi(`/api/mailboxes/${encodeURIComponent(id)}`, { method: "PATCH", body: { status } });
}

function AddMailbox({ onAdded }: { onAdded(): void }) {
  const { t } = useText();
  const [name, setName] = useState("");
  const [server, setServer] = useState("");
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [markMode, setMarkMode] = useState<(typeof MARK_MODES)[number]>("none");
  const [added, setAdded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  return (
    <form
      class="inline add-mailbox"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setAdded(false);
        const url = mailboxUrl(server, user, password);
        if (!url) {
          setError(new Error(t("mailboxBadServer")));
          return;
        }
        setBusy(true);
        try {
          await requestApi("/api/mailboxes", { method: "POST", body: { name: name.trim(), url, markMode } });
          setName("");
          setServer("");
          setUser("");
          setPassword("");
          setAdded(true);
          onAdded();
        } catch (caught) {
          setError(caught as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t("addMailbox")}</h2>
      <span class="field">
        <label for="mailbox-name">{t("mailboxName")}</label>
        <input
          id="mailbox-name"
          required
          maxLength={100}
          value={name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </span>
      <span class="field">
        <label for="mailbox-server">{t("mailboxServer")}</label>
        <input
          id="mailbox-server"
          required
          placeholder="imaps://mail.kommune.dk:993/INBOX"
          value={server}
          onInput={(e) => setServer((e.currentTarget as HTMLInputElement).value)}
        />
      </span>
      <span class="field">
        <label for="mailbox-user">{t("mailboxUser")}</label>
        <input
          id="mailbox-user"
          required
          autocomplete="off"
          value={user}
          onInput={(e) => setUser((e.currentTarget as HTMLInputElement).value)}
        />
      </span>
      <span class="field">
        <label for="mailbox-password">{t("mailboxPassword")}</label>
        <input
          id="mailbox-password"
          type="password"
          required
          autocomplete="new-password"
          value={password}
          onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
        />
      </span>
      <span class="field">
        <label for="mailbox-mark">{t("mailboxMarkMode")}</label>
        <select
          id="mailbox-mark"
          value={markMode}
          onChange={(e) => setMarkMode((e.currentTarget as HTMLSelectElement).value as (typeof MARK_MODES)[number])}
        >
          {MARK_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`markMode_${mode}`)}
            </option>
          ))}
        </select>
      </span>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? t("saving") : t("addMailbox")}
      </button>
      {added && <p role="status">{t("mailboxAdded")}</p>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

export function MailboxesPage() {
  const { t, language } = useText();
  const { isAdmin } = useSession();
  const resource = useResource<ListPage<MailboxItem>>("/api/mailboxes");
  const columns: Column<MailboxItem>[] = [
    { label: t("mailboxName"), render: (item) => item.name },
    {
      label: t("mailboxStatus"),
      render: (item) => (
        <span class={`pill ${item.status === "active" ? "ok" : "bad"}`} data-status={item.status}>
          {t(`mailbox_${item.status}`)}
        </span>
      ),
    },
    {
      label: t("mailboxLastSeen"),
      render: (item) => formatDate(item.lastMessageAt ?? item.lastSeenAt, language),
    },
    { label: t("mailboxLastSync"), render: (item) => formatDate(item.lastFullSyncAt, language) },
    { label: "UID", numeric: true, render: (item) => item.lastUid ?? "—" },
    { label: t("mailboxError"), render: (item) => item.lastError ?? "—" },
  ];
  if (isAdmin) {
    // Resume also retries a mailbox whose login was refused or that failed: it goes back to active.
    columns.push({
      label: t("mailboxActions"),
      render: (item) =>
        item.status === "active" ? (
          <ActionButton class="secondary" action={() => setStatus(item.id, "paused").then(resource.reload)}>
            {t("mailboxPause")}
          </ActionButton>
        ) : (
          <ActionButton action={() => setStatus(item.id, "active").then(resource.reload)}>
            {t("mailboxResume")}
          </ActionButton>
        ),
    });
  }
  return (
    <section aria-labelledby="mailboxes-title">
      <h1 id="mailboxes-title">{t("mailboxesTitle")}</h1>
      <AsyncView resource={resource}>
        {(page) => <DataTable caption={t("mailboxesTitle")} items={page.items} columns={columns} />}
      </AsyncView>
      {isAdmin && <AddMailbox onAdded={resource.reload} />}
    </section>
  );
}
