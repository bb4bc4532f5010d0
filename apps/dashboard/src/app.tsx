// The dashboard's root: asks the API who is signed in, shows the log-in form when nobody is,
// and otherwise the page for the current URL.
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, requestApi, type Session, setCsrfToken, setSignedOutHandler } from "./api/request-api.js";
import { ErrorMessage, Loading } from "./components/async-view.js";
import { Layout } from "./components/layout.js";
import { LoginForm } from "./components/login-form.js";
import type { Language } from "./i18n/messages.js";
import { initialLanguage, LanguageContext, storeLanguage } from "./i18n/use-text.js";
import { navigate, useLocation } from "./lib/router.js";
import { SessionContext } from "./lib/session.js";
import { PageForPath } from "./pages/page-for-path.js";

type SessionState =
  | { state: "probing" }
  | { state: "signed-out" }
  | { state: "error"; error: Error }
  | (Session & { state: "signed-in" });

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<SessionState>({ state: "probing" });
  const [probe, setProbe] = useState(0);
  const location = useLocation();

  useEffect(() => storeLanguage(language), [language]);
  useEffect(() => setSignedOutHandler(() => setSession({ state: "signed-out" })), []);
  useEffect(() => {
    requestApi<Session>("/api/session", { quiet401: true }).then(
      (found) => {
        setCsrfToken(found.csrfToken);
        setSession({ ...found, state: "signed-in" });
      },
      (error: Error) =>
        setSession(
          error instanceof ApiError && error.status === 401 ? { state: "signed-out" } : { state: "error", error },
        ),
    );
  }, [probe]);
  useEffect(() => {
    if (location.path === "/" || location.path === "/login") {
      if (session.state === "signed-in") navigate("/today", { replace: true });
    }
  }, [location.path, session]);

  const languageContext = useMemo(() => ({ language, setLanguage: setLanguageState }), [language]);
  const sessionContext = useMemo(
    () =>
      session.state === "signed-in"
        ? {
            session,
            async signOut() {
              try {
                await requestApi("/api/session", { method: "DELETE" });
              } finally {
                setCsrfToken("");
                setSession({ state: "signed-out" });
              }
            },
          }
        : null,
    [session],
  );

  let body: preact.ComponentChildren;
  if (session.state === "signed-in" && sessionContext) {
    body = (
      <SessionContext.Provider value={sessionContext}>
        <Layout path={location.path}>
          <PageForPath location={location} />
        </Layout>
      </SessionContext.Provider>
    );
  } else if (session.state === "signed-out") {
    body = (
      <LoginForm
        onSignedIn={(found) => {
          setCsrfToken(found.csrfToken);
          setSession({ ...found, state: "signed-in" });
        }}
      />
    );
  } else if (session.state === "error") {
    body = (
      <main id="main">
        <ErrorMessage error={session.error} onRetry={() => setProbe((n) => n + 1)} />
      </main>
    );
  } else {
    body = (
      <main id="main">
        <Loading />
      </main>
    );
  }
  return <LanguageContext.Provider value={languageContext}>{body}</LanguageContext.Provider>;
}
