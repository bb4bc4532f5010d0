// Suppliers (who is escalated to, matched by reporting host) and their webhook endpoints; admins
// add either here. A new endpoint's signing secret is shown once.
import { WEBHOOK_EVENTS } from "@safetynet/core";
import { useState } from "preact/hooks";
import { ApiError, requestApi } from "../api/request-api.js";
import type { ListPage } from "../api/types.js";
import { AsyncView, ErrorMessage } from "../components/async-view.js";
import { DataTable } from "../components/data-table.js";
import { useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { useResource } from "../lib/use-resource.js";

interface SupplierItem {
  id: string;
  name: string;
  match: { hosts?: string[] };
}

interface EndpointItem {
  id: string;
  supplierId: string;
  url: string;
  events: string[];
  active: boolean;
}

function AddSupplier({ onAdded }: { onAdded(): void }) {
  const { t } = useText();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [hosts, setHosts] = useState("");
  const [error, setError] = useState<Error | null>(null);
  return (
    <form
      class="inline"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        try {
          const list = hosts.split(/[\s,]+/).filter(Boolean);
          await requestApi("/api/suppliers", { method: "POST", body: { id, name, match: { hosts: list } } });
          setId("");
          setName("");
          setHosts("");
          onAdded();
        } catch (caught) {
          setError(caught as Error);
        }
      }}
    >
      <h2>{t("addSupplier")}</h2>
      <label for="supplier-id">{t("supplierId")}</label>
      <input
        id="supplier-id"
        required
        pattern="[a-z0-9-]+"
        value={id}
        onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)}
      />
      <label for="supplier-name">{t("supplierName")}</label>
      <input
        id="supplier-name"
        required
        value={name}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
      />
      <label for="supplier-hosts">{t("supplierHosts")}</label>
      <input
        id="supplier-hosts"
        required
        value={hosts}
        onInput={(e) => setHosts((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">{t("addSupplier")}</button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function AddEndpoint({ suppliers, onAdded }: { suppliers: SupplierItem[]; onAdded(): void }) {
  const { t } = useText();
  const [supplierId, setSupplierId] = useState(suppliers[0]?.id ?? "");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (suppliers.length === 0) return null;
  return (
    <form
      class="inline"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        try {
          const created = await requestApi<{ secret: string }>("/api/webhook-endpoints", {
            method: "POST",
            body: { supplierId: supplierId || suppliers[0]!.id, url, events: [...WEBHOOK_EVENTS] },
          });
          setSecret(created.secret);
          setUrl("");
          onAdded();
        } catch (caught) {
          setError(caught as Error);
        }
      }}
    >
      <h2>{t("addEndpoint")}</h2>
      <label for="endpoint-supplier">{t("incidentSupplier")}</label>
      <select
        id="endpoint-supplier"
        value={supplierId}
        onChange={(e) => setSupplierId((e.currentTarget as HTMLSelectElement).value)}
      >
        {suppliers.map((supplier) => (
          <option key={supplier.id} value={supplier.id}>
            {supplier.name}
          </option>
        ))}
      </select>
      <label for="endpoint-url">{t("endpointUrl")}</label>
      <input
        id="endpoint-url"
        type="url"
        required
        value={url}
        onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">{t("addEndpoint")}</button>
      {secret && (
        <p class="secret" role="status">
          {t("secretOnce")} <code>{secret}</code>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

export function SuppliersPage() {
  const { t } = useText();
  const { isAdmin } = useSession();
  const suppliers = useResource<ListPage<SupplierItem>>("/api/suppliers");
  const endpoints = useResource<ListPage<EndpointItem>>("/api/webhook-endpoints");
  return (
    <section aria-labelledby="suppliers-title">
      <h1 id="suppliers-title">{t("suppliersTitle")}</h1>
      <AsyncView resource={suppliers}>
        {(page) => (
          <>
            <DataTable
              caption={t("suppliersTitle")}
              items={page.items}
              columns={[
                { label: t("supplierId"), render: (item) => <code>{item.id}</code> },
                { label: t("supplierName"), render: (item) => item.name },
                { label: t("supplierHosts"), render: (item) => (item.match.hosts ?? []).join(", ") },
              ]}
            />
            {isAdmin && <AddSupplier onAdded={suppliers.reload} />}
            <h2>{t("endpoints")}</h2>
            {endpoints.state === "error" && endpoints.error instanceof ApiError && endpoints.error.status === 404 ? (
              <p class="muted">{t("endpointsMissing")}</p>
            ) : (
              <AsyncView resource={endpoints}>
                {(list) => (
                  <DataTable
                    caption={t("endpoints")}
                    items={list.items}
                    columns={[
                      { label: t("incidentSupplier"), render: (item) => item.supplierId },
                      { label: t("endpointUrl"), render: (item) => <span class="mono">{item.url}</span> },
                      { label: t("endpointEvents"), render: (item) => item.events.join(", ") },
                      { label: t("endpointActive"), render: (item) => (item.active ? t("yes") : t("no")) },
                    ]}
                  />
                )}
              </AsyncView>
            )}
            {isAdmin && <AddEndpoint suppliers={page.items} onAdded={endpoints.reload} />}
          </>
        )}
      </AsyncView>
    </section>
  );
}
