// Reads the words just before (and right after) a candidate and says what kind of number they
// label it as: a CPR number ("cpr-nr.", "personnummer"), some other number ("faktura", "p-nr"), or none.

export type Label = { kind: "cpr"; word: string } | { kind: "other"; word: string } | { kind: "none" };

/** How far back labels are read: "CPR-nummer på barnet: " fits, a label two sentences back does not. */
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 16;
/** A CPR keyword may stand this many words before the number ("CPR-nummer på barnet: ..."). */
const MAX_WORDS = 4;
/** Another kind of label must stand right before ("Faktura 0102031234", "Ordre nr. 0102031234"):
 * further back it names something else in the sentence ("telefonsamtale med 010203-1234"). */
const MAX_WORDS_OTHER = 0;

// Words that name a CPR number, in the spellings seen in Danish mail: cpr, cpr-nr., cprnr, cpr.nr,
// CPR-nummer, personnummer, pers.nr., person nr., fødselsnummer, fødselsdato (a date with a
// serial after it is the CPR number), sygesikring(sbevis/-nummer).
const CPR_WORD =
  /^(?:.*cpr.*|c\.p\.r\.?|person|pers\.?|persnr\.?|pers\.?-?nr\.?|person(?:s)?(?:nummer|numre|nr)\.?|f(?:ø|oe|o)dsels(?:nummer|numre|nr|-nr|dato)\.?|borger-?(?:nummer|nr)|sygesikring.*)$/;

// Stems that name another kind of number. Matched anywhere in the word so Danish compounds count
// too (kundeordre, bankkonto, mobiltelefon, fakturanummer). "konto" must not match "kontor", nor
// "betaling" "Udbetaling (Danmark)", nor "nota" "journalnotat": those often stand before a CPR.
const OTHER_STEM = new RegExp(
  [
    // invoices and payments
    "faktura",
    "invoice",
    "kreditnota",
    "nota(?!t)",
    "regning",
    "rykker",
    "opkr(?:æ|ae)vning",
    "kvittering",
    "receipt",
    "(?<!ud)betaling",
    "payment",
    "overførsel",
    "transfer",
    // orders and customers
    "ordre",
    "order",
    "bestilling",
    "indkøb",
    "rekvisition",
    "kunde",
    "customer",
    "medlem",
    "member",
    "abonnement",
    "subscription",
    "forsikring",
    "licens",
    "license",
    "serie",
    "serial",
    // accounts
    "konto(?!r)",
    "account",
    "iban",
    "swift",
    // phones
    "telefon",
    "tlf",
    "mobil",
    "phone",
    // parcels
    "sporing",
    "tracking",
    "forsendelse",
    "pakke",
    "parcel",
    "shipment",
    "kolli",
    "colli",
    "consignment",
    "waybill",
    "fragt",
    "stregkode",
    "barcode",
    // mail and system identifiers
    "reference",
    "ticket",
    "message",
    "timestamp",
    "queue",
  ].join("|"),
);

// Short words that name another number only as whole words ("p-nr", "reg.nr", "kl.", "dato").
const OTHER_WORD = new Set([
  "fakt",
  "fak",
  "inv",
  "p",
  "pnr",
  "p-nr",
  "p.nr",
  "p-nummer",
  "pnummer",
  "reg",
  "regnr",
  "reg.nr",
  "reg-nr",
  "kto",
  "acct",
  "ocr",
  "fik",
  "cvr",
  "cvr-nr",
  "se-nr",
  "ean",
  "gln",
  "dato",
  "date",
  "tid",
  "time",
  "kl",
  "klokken",
  "afsendt",
  "modtaget",
  "sendt",
  "received",
  "sent",
  "log",
  "epoch",
  "unix",
  "id",
  "ref",
  "refs",
  "mid",
  "awb",
  "po",
  "ups",
  "gls",
  "dhl",
  "dao",
  "bring",
  "postnord",
  "fedex",
  "levering",
  "delivery",
  "label",
  "track",
  "trace",
  "sms",
  "ring",
  "opkald",
  "call",
  "tel",
  "mob",
  "fax",
  "j.nr",
  "jnr",
  "sagsnr",
  "sags-nr",
  "doknr",
  "vare",
  "sku",
  "art",
  "stk",
  "kr",
  "dkk",
  "eur",
  "imei",
  "sn",
  "police",
  "skade",
]);

// A word ending in nr/nummer/number labels a number of whatever kind it names (kundenr,
// løbenummer, journalnummer). Standalone "nr." takes its kind from the word before ("CPR nr.").
// Not "id"/"no" endings: names such as David or Bruno often stand right before a citizen's number.
const GENERIC_NUMBER = /(?:nr|nummer|numre|number)$/;

const TOKEN = /[a-zæøåäöü]+(?:[.-][a-zæøåäöü]+)*|\d+|[+@#]/g;
const TOKEN_AFTER = new RegExp(TOKEN.source, "g");

type WordKind = "cpr" | "other" | "generic" | "neutral";

// Words repeat endlessly in mail text; remembering their kind keeps the scan fast. Bounded so a
// long-running worker cannot grow it without limit.
const wordKinds = new Map<string, WordKind>();

function classifyWord(word: string): WordKind {
  let kind = wordKinds.get(word);
  if (kind === undefined) {
    if (wordKinds.size > 50_000) wordKinds.clear();
    kind = classifyUncached(word);
    wordKinds.set(word, kind);
  }
  return kind;
}

function classifyUncached(word: string): WordKind {
  if (CPR_WORD.test(word)) return "cpr";
  if (OTHER_WORD.has(word) || OTHER_STEM.test(word)) return "other";
  if (word === "nr" || word === "nummer" || word === "no" || word === "number" || word === "#") return "generic";
  if (GENERIC_NUMBER.test(word)) return "other"; // "nr" alone was handled above
  return "neutral";
}

/** True for a digit token that is itself CPR-shaped, so a list under one "CPR:" label stays labelled. */
function isCprShaped(token: string): boolean {
  return token.length === 10 || token.length === 6 || token.length === 4;
}

export function labelBefore(text: string, offset: number): Label {
  const window = text.slice(Math.max(0, offset - WINDOW_BEFORE), offset).toLowerCase();
  const tokens = window.match(TOKEN) ?? [];
  // The first token may be cut in half by the window edge; drop it unless the window reached the start.
  if (offset > WINDOW_BEFORE && tokens.length > 0) tokens.shift();
  let words = 0;
  let sawGeneric = "";
  for (let i = tokens.length - 1; i >= 0 && words < MAX_WORDS; i--) {
    const token = tokens[i]!;
    if (token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57) {
      // A number between the label and us takes the label ("Tlf. 12345678, 0102031234"),
      // unless it is a CPR-shaped part of a list ("CPR: 010203-1234, 020304-5678").
      if (isCprShaped(token)) continue;
      break;
    }
    if (token === "+" || token === "@") break;
    // "Borger nr." (citizen number) is how some staff write CPR-nr.
    const kind = sawGeneric && words === 0 && token === "borger" ? "cpr" : classifyWord(token);
    if (kind === "cpr")
      return { kind: "cpr", word: sawGeneric && token === "borger" ? `${token} ${sawGeneric}` : token };
    // "Pakke med nummer 0102031234": a generic "nummer" right before carries the label's kind.
    if (kind === "other")
      return words <= MAX_WORDS_OTHER || sawGeneric ? { kind: "other", word: token } : { kind: "none" };
    if (kind === "generic") {
      sawGeneric ||= token;
      continue;
    }
    words++;
  }
  return sawGeneric ? { kind: "other", word: sawGeneric } : { kind: "none" };
}

/**
 * A CPR keyword right after the number: "0102031234 (cpr)", "010203-1234 er cpr-nummeret". Not
 * when a number follows the keyword: then it labels that next number ("0102031234, CPR: 0203041234").
 */
export function cprWordAfter(text: string, end: number): string | null {
  const window = text.slice(end, end + WINDOW_AFTER).toLowerCase();
  TOKEN_AFTER.lastIndex = 0;
  for (let seen = 0, m = TOKEN_AFTER.exec(window); m !== null && seen < 2; m = TOKEN_AFTER.exec(window), seen++) {
    const token = m[0];
    if (classifyWord(token) !== "cpr" || token === "person" || token === "pers") continue;
    const rest = text.slice(end + m.index + token.length, end + m.index + token.length + 4);
    return /\d/.test(rest) ? null : token;
  }
  return null;
}
