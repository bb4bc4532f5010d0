// Signed out, every URL shows this form: one password field for the API token (API-CONTRACT.md).
// After a log-in the same URL renders the page that was asked for.
import { useState } from "preact/hooks";
import { ApiError, requestApi, type Session } from "../api/request-api.js";
import { useText } from "../i18n/use-text.js";
import { ErrorMessage } from "./async-view.js";
import { LanguageSwitch } from "./language-switch.js";

export function LoginForm({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t } = useText();
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await requestApi<Session>("/api/session", { method: "POST", body: { token }, quiet401: true }));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? new Error(t("loginBad")) : (caught as Error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="login">
      <div class="login-box">
        <div class="login-head">
          <h1>{t("appName")}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t("loginTitle")}</h2>
        <p>{t("loginIntro")}</p>
        <form onSubmit={submit}>
          <label for="token">{t("loginToken")}</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            required
            value={token}
            onInput={(event) => setToken((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" disabled={busy}>
            {busy ? t("loginBusy") : t("loginSubmit")}
          </button>
        </form>
        {error && <ErrorMessage error={error} />}
      </div>
    </main>
  );
}
