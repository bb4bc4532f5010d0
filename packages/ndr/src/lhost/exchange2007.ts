// On-premises Exchange Server 2007 and later: the same NDR layout as Exchange Online
// ("Delivery has failed to these recipients or groups", "Diagnostic information for
// administrators"), localised subjects, a Content-Language header, no Microsoft 365 relays.
import type { MailView } from "../mime/mail-view.js";
import { parseExchangeNdr } from "./office365.js";
import type { LhostModule } from "./types.js";

// Localised "Undeliverable:" subjects Exchange writes (en, fr, it, de, da, nl, es, pt, sv, nb)
const SUBJECTS =
  /^(?:Undeliverable|Undelivered|Non remis|Non_remis_|Non recapitabile|Unzustellbar|Ikke leveret|Kunne ikke leveres|Onbestelbaar|No se puede entregar|Não entregue|Olevererbart|Ikke levert)\s*:/i;

export const exchange2007: LhostModule = {
  name: "exchange2007",
  detect(mail: MailView): boolean {
    return mail.headers.has("content-language") && SUBJECTS.test(mail.subject.replace(/_/g, " ").trim());
  },
  parse: parseExchangeNdr,
};
