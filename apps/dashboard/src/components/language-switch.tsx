// Danish by default; one button switches to English and back (remembered in this browser).
import { useText } from "../i18n/use-text.js";

export function LanguageSwitch() {
  const { t, language, setLanguage } = useText();
  const other = language === "da" ? "en" : "da";
  return (
    <button type="button" class="link-button" lang={other} onClick={() => setLanguage(other)}>
      {t("switchLanguage")}
    </button>
  );
}
