// Danish notice texts (the default). Plain words for caseworkers who believed their mail had
// arrived: what happened, why, what to do now, and that the receipt and "Sendt post" were wrong.
import type { TemplateStrings } from "./template-strings.js";

export const da: TemplateStrings = {
  locale: "da-DK",
  subjectOutbound: (count) =>
    count === 1 ? "[Sikkerhedsnet] Din mail nåede IKKE frem" : `[Sikkerhedsnet] ${count} af dine mails nåede IKKE frem`,
  subjectInbound: (count) =>
    count === 1
      ? "[Sikkerhedsnet] En mail til jer nåede IKKE frem"
      : `[Sikkerhedsnet] ${count} mails til jer nåede IKKE frem`,
  greeting: (name) => (name ? `Kære ${name}` : "Hej"),
  introOutbound: (count) =>
    count === 1
      ? "Den mail, der er beskrevet herunder, nåede ikke frem til alle modtagere."
      : `De ${count} mails, der er beskrevet herunder, nåede ikke frem til alle modtagere. Vi samler dem i én besked, fordi der kom flere på kort tid.`,
  introOnBehalf: (sender, department, why, role) => {
    const reason = why === "left" ? "er markeret som fratrådt" : "findes ikke i medarbejderlisten";
    const place = department ? ` i ${department}` : "";
    const you =
      role === "manager"
        ? "Du får beskeden som leder"
        : "I får beskeden som sikkerhedsnet-team, fordi der ikke er registreret en leder";
    return `Mailen blev sendt af ${sender}${place}, som ${reason}. ${you}. Sørg for, at en kollega overtager sagen og sender mailen igen.`;
  },
  introInbound: (count) =>
    count === 1
      ? "En mail til en af jeres postkasser blev afvist og nåede aldrig frem til sagsbehandlingen. Afsenderen tror måske, at den er modtaget."
      : `${count} mails til jeres postkasser blev afvist og nåede aldrig frem til sagsbehandlingen. Afsenderne tror måske, at de er modtaget.`,
  receiptWasWrong:
    'Vigtigt: Kvitteringen for afsendelse og kopien i "Sendt post" var forkerte. Mailen ligger i "Sendt post", men den er ikke kommet frem.',
  labels: {
    sender: "Afsender",
    sentAt: "Sendt",
    failedAt: "Afvist",
    notReached: "Nåede ikke frem til",
    subject: "Emne (CPR-numre skjult)",
    messageId: "Message-ID",
    why: "Hvorfor",
    todo: "Hvad skal du gøre nu",
    fromDomain: "Afsenderens domæne",
    mailbox: "Postkasse",
    unknownValue: "ukendt",
    mail: (index, total) => (total === 1 ? "Mailen" : `Mail ${index} af ${total}`),
  },
  causes: {
    "cpr-in-subject": {
      why: "Emnefeltet indeholdt et CPR-nummer. Emnefeltet bliver aldrig krypteret, heller ikke i sikker mail, så filteret stoppede mailen for at beskytte borgeren.",
      todo: 'Send mailen igen med "Send sikkert" og uden personoplysninger i emnefeltet (intet CPR-nummer, intet navn). Skriv CPR-nummeret i selve brevet, som bliver krypteret.',
    },
    "recipient-unknown": {
      why: "Modtagerens adresse findes ikke hos modtageren. Den kan være stavet forkert, nedlagt eller ændret.",
      todo: "Find den rigtige sikre adresse (fx på myndighedens hjemmeside eller ved at ringe) og send mailen igen til den.",
    },
    "recipient-mailbox-full": {
      why: "Modtagerens postkasse er fuld, så modtagerens server tog ikke imod mailen.",
      todo: "Send mailen igen senere. Haster sagen, så kontakt modtageren på anden vis, fx telefon.",
    },
    "recipient-domain-unknown": {
      why: "Domænet i modtagerens adresse (delen efter @) findes ikke.",
      todo: "Tjek stavningen af adressen efter @, ret den og send mailen igen.",
    },
    "tls-required": {
      why: "Mailen kunne ikke sendes krypteret til modtagerens server, og den må ikke sendes ukrypteret.",
      todo: "Send ikke mailen igen med det samme. Haster sagen, så brug en anden sikker kanal (fx Digital Post) eller ring til modtageren.",
    },
    "message-too-large": {
      why: "Mailen var for stor til modtagerens server, typisk på grund af vedhæftede filer.",
      todo: "Send mailen igen med mindre filer, eller del filerne over flere mails.",
    },
    "spam-or-content-filter": {
      why: "Modtagerens filter afviste mailen på grund af dens indhold (spam- eller indholdsfilter).",
      todo: "Send ikke den samme mail uændret igen. Kontakt modtageren og aftal, hvordan den kan sendes.",
    },
    virus: {
      why: "En vedhæftet fil blev opfattet som virus eller en farlig fil.",
      todo: "Send ikke filen igen. Kontakt IT-support, så filen kan blive undersøgt.",
    },
    "authentication-dmarc": {
      why: "Modtagerens server kunne ikke bekræfte, at mailen kom fra os (SPF, DKIM eller DMARC). Det er ikke noget, du har gjort forkert.",
      todo: "Vi er underrettet. Haster sagen, så brug en anden kanal (fx Digital Post eller telefon).",
    },
    "sender-blocked-reputation": {
      why: "Modtagerens server blokerer lige nu mail fra vores server. Det er ikke noget, du har gjort forkert.",
      todo: "Vi er underrettet. Haster sagen, så brug en anden kanal (fx Digital Post eller telefon).",
    },
    "network-or-dns": {
      why: "Modtagerens server kunne ikke nås (netværks- eller DNS-fejl).",
      todo: "Send mailen igen senere. Haster sagen, så kontakt modtageren på anden vis.",
    },
    "gateway-cannot-return": {
      why: "Den sikre mail-løsning kunne ikke aflevere mailen og kunne heller ikke sende en fejlbesked tilbage til dig.",
      todo: "Send mailen igen. Fejler den igen, så kontakt os.",
    },
    "expired-retrying": {
      why: "Mailen kunne ikke afleveres, så længe serveren blev ved med at prøve, og serveren har opgivet.",
      todo: "Send mailen igen. Haster sagen, så kontakt modtageren på anden vis.",
    },
    "recipient-policy": {
      why: "Modtagerens server afviste mailen efter sine egne regler (fx tager den kun imod mail fra bestemte afsendere).",
      todo: "Kontakt modtageren og spørg, hvordan de vil have mailen sendt.",
    },
    unknown: {
      why: "Vi kan ikke se præcist, hvorfor mailen blev afvist. Fejlen er registreret hos os.",
      todo: "Send mailen igen. Fejler den igen, så kontakt os.",
    },
  },
  systemic: {
    why: (key) =>
      `Det er ikke din fejl. Mange mails er ramt af den samme fejl${key ? ` (hændelse ${key})` : ""}, og den bliver håndteret centralt.`,
    todo: "Indtil fejlen er rettet: send ikke mailen igen på samme måde. Haster sagen, så brug en anden kanal (fx Digital Post eller telefon). Ellers send mailen igen, når du hører fra os, at fejlen er rettet.",
  },
  inboundTodo:
    "Kontakt afsenderen, hvis I kan se, hvem det er, og bed om at få mailen sendt igen. Kender I ikke afsenderen, så kontakt os: vi kan slå fejlen op.",
  digestNote: (count) => `Der er ${count} mails i denne samlede besked.`,
  moreRecipients: (count) => `... og ${count.toLocaleString("da-DK")} flere modtagere (hele listen har vi: kontakt os)`,
  contact: (contact) => `Spørgsmål? Kontakt ${contact}.`,
  footer: "Denne besked er sendt automatisk af kommunens sikkerhedsnet for sikker mail. Svar ikke på den.",
};
