// The frame of every signed-in page: skip link, header with the person and log-out, the menu.
import type { ComponentChildren } from "preact";
import type { MessageKey } from "../i18n/messages.js";
import { useText } from "../i18n/use-text.js";
import { useSession } from "../lib/session.js";
import { AppLink } from "./app-link.js";
import { LanguageSwitch } from "./language-switch.js";

const NAV: { href: string; key: MessageKey; admin?: boolean }[] = [
  { href: "/today", key: "navToday" },
  { href: "/failures", key: "navFailures" },
  { href: "/incidents", key: "navIncidents" },
  { href: "/reports", key: "navReports" },
  { href: "/quarantine", key: "navQuarantine" },
  { href: "/mailboxes", key: "navMailboxes" },
  { href: "/suppliers", key: "navSuppliers" },
  { href: "/staff", key: "navStaff" },
  { href: "/tokens", key: "navTokens", admin: true },
  { href: "/canary", key: "navCanary" },
];

export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  const { t } = useText();
  const { session, signOut, isAdmin } = useSession();
  const roleKey = `role${session.role[0]!.toUpperCase()}${session.role.slice(1)}`;
  return (
    <>
      <a class="skip" href="#main">
        {t("skipToContent")}
      </a>
      <header class="top">
        <span class="brand">{t("appName")}</span>
        <span class="who">
          {t("signedInAs")} <strong>{session.name}</strong> ({t(roleKey)})
        </span>
        <LanguageSwitch />
        <button type="button" class="secondary" onClick={() => void signOut()}>
          {t("logOut")}
        </button>
      </header>
      <nav aria-label={t("mainNav")} class="menu">
        <ul>
          {NAV.filter((item) => !item.admin || isAdmin).map((item) => (
            <li key={item.href}>
              <AppLink href={item.href} current={path === item.href || path.startsWith(`${item.href}/`)}>
                {t(item.key)}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
