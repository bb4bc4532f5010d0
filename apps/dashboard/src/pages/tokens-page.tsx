// API tokens (admin only): who has access with which role; create one (shown once) or revoke it.
import { useState } from "preact/hooks";
import { type Role, requestApi } from "../api/request-api.js";
import { ActionButton } from "../components/action-button.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { formatDate, useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface TokenItem {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function CreateToken({ onCreated }: { onCreated(): void }) {
  const { t } = useText();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <form
      class="inline"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        try {
          const result = await requestApi<{ token: string }>("/api/tokens", { method: "POST", body: { name, role } });
          setCreated(result.token);
          setName("");
          onCreated();
        } catch (caught) {
          setError(caught as Error);
        }
      }}
    >
      <h2>{t("createToken")}</h2>
      <label for="token-name">{t("tokenName")}</label>
      <input
        id="token-name"
        required
        value={name}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
      />
      <label for="token-role">{t("tokenRole")}</label>
      <select
        id="token-role"
        value={role}
        onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}
      >
        <option value="viewer">{t("roleViewer")}</option>
        <option value="triager">{t("roleTriager")}</option>
        <option value="admin">{t("roleAdmin")}</option>
      </select>
      <button type="submit">{t("createToken")}</button>
      {created && (
        <p class="secret" role="status">
          {t("tokenOnce")} <code data-testid="new-token">{created}</code>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

export function TokensPage() {
  const { t, language } = useText();
  const { isAdmin } = useSession();
  const resource = useResource<{ items: TokenItem[] }>(isAdmin ? "/api/tokens" : null);
  if (!isAdmin) {
    return (
      <section aria-labelledby="tokens-title">
        <h1 id="tokens-title">{t("tokensTitle")}</h1>
        <p>{t("adminOnly")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">{t("tokensTitle")}</h1>
      <AsyncView resource={resource}>
        {(page) => (
          <DataTable
            caption={t("tokensTitle")}
            items={page.items}
            columns={[
              { label: t("tokenName"), render: (item) => item.name },
              { label: t("tokenRole"), render: (item) => item.role },
              { label: "Prefix", render: (item) => <code>{item.prefix}…</code> },
              {
                label: t("tokenCreated"),
                render: (item) => `${formatDate(item.createdAt, language)} (${item.createdBy})`,
              },
              { label: t("tokenLastUsed"), render: (item) => formatDate(item.lastUsedAt, language) },
              {
                label: t("revoke"),
                render: (item) =>
                  item.revokedAt ? (
                    formatDate(item.revokedAt, language)
                  ) : (
                    <ActionButton
                      class="danger"
                      action={async () => {
                        await requestApi(`/api/tokens/${encodeURIComponent(item.id)}`, { method: "DELETE" });
                        resource.reload();
                      }}
                    >
                      {t("revoke")}
                    </ActionButton>
                  ),
              },
            ]}
          />
        )}
      </AsyncView>
      <CreateToken onCreated={resource.reload} />
    </section>
  );
}
