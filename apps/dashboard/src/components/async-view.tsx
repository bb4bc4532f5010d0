// Every page's loading and error states: a visible, announced "loading" line, and an error with
// the API's message and a retry button (requests time out, so loading always ends).
import type { ComponentChildren } from "preact";
import { ApiError } from "../api/request-api.js";
import { useText } from "../i18n/use-text.js";
import type { Resource } from "../lib/use-resource.js";

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useText();
  let text = error.message;
  if (error instanceof ApiError) {
    if (error.code === "timeout") text = t("errorTimeout");
    else if (error.code === "network") text = t("errorNetwork");
    else if (error.status === 403) text = `${t("errorForbidden")} (${error.message})`;
  }
  return (
    <div class="error" role="alert">
      <strong>{t("errorPrefix")}:</strong> {text}
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useText();
  return (
    <p class="loading" role="status">
      {t("loading")}
    </p>
  );
}

export function AsyncView<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.state === "error") return <ErrorMessage error={resource.error} onRetry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  // Keep showing the last data while a reload runs, so the page does not jump.
  return <div aria-busy={resource.state === "loading"}>{children(resource.data)}</div>;
}
