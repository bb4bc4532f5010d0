// A button that runs one API write: disabled while busy, its error shown beside it.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useText } from "../i18n/use-text.js";
import { ErrorMessage } from "./async-view.js";

export function ActionButton({
  action,
  children,
  class: className,
  disabled,
}: {
  action: () => Promise<unknown>;
  children: ComponentChildren;
  class?: string;
  disabled?: boolean;
}) {
  const { t } = useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="action">
      <button type="button" class={className} onClick={run} disabled={busy || disabled} aria-busy={busy}>
        {busy ? t("saving") : children}
      </button>
      {error && <ErrorMessage error={error} />}
    </span>
  );
}
