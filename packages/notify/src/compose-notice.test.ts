import { containsCpr } from "@safetynet/cpr";
import { describe, expect, it } from "vitest";
import { CAUSES, LANGUAGES } from "./causes.js";
import { composeNotice } from "./compose-notice.js";
import { templatesFor } from "./templates/index.js";
import type { Audience, FailedMail } from "./types.js";

const TEN_DIGITS = /\d{6}[-\s.]?\d{4}/;
const sender: Audience = {
  address: "caseworker@kommune.example",
  role: "sender",
  language: "da",
  name: "Karen Jensen",
};

function mail(overrides: Partial<FailedMail> = {}): FailedMail {
  return {
    sentAt: new Date("2026-11-28T09:15:00Z"),
    failedAt: new Date("2026-11-28T09:15:30Z"),
    // Deliberately unmasked: the composer must mask anyway (defence in depth).
    subjectMasked: "Underretning vedr. 010203-1234 og 0102031234",
    originalMessageId: "<abc.123@kommune.example>",
    senderDomain: "kommune.example",
    sender: "caseworker@kommune.example",
    recipients: [{ address: "politi@politi.example", cause: "cpr-in-subject" }],
    systemic: false,
    incidentKey: null,
    ...overrides,
  };
}

function all(notice: { subject: string; text: string; html: string }) {
  return `${notice.subject}\n${notice.text}\n${notice.html}`;
}

describe("composeNotice", () => {
  it("tells a Danish sender which mail, why, what to do, and that the receipt was wrong", () => {
    const notice = composeNotice({ audience: sender, mails: [mail()], contact: "IT-sikkerhed, tlf. 1234" });
    expect(notice.subject).toContain("nåede IKKE frem");
    expect(notice.text).toContain("Kære Karen Jensen");
    expect(notice.text).toContain("politi@politi.example");
    expect(notice.text).toContain("<abc.123@kommune.example>");
    expect(notice.text).toContain("Emnefeltet bliver aldrig krypteret");
    expect(notice.text).toContain('"Send sikkert"');
    expect(notice.text).toContain("Sendt post");
    expect(notice.text).toContain("0102XX-XXXX");
    expect(notice.text).toMatch(/lørdag den 28\. november 2026.*10\.15/); // Danish time (UTC+1)
    expect(notice.html).toContain("&lt;abc.123@kommune.example&gt;");
    expect(notice.text).toContain("IT-sikkerhed, tlf. 1234");
  });

  for (const language of LANGUAGES) {
    for (const cause of CAUSES) {
      it(`has its own why and todo for ${cause} in ${language}, with no CPR number`, () => {
        const t = templatesFor(language);
        const notice = composeNotice({
          audience: { ...sender, language },
          mails: [mail({ recipients: [{ address: "x@modtager.example", cause }] })],
          contact: "team@kommune.example",
        });
        expect(notice.text).toContain(t.causes[cause].why);
        expect(notice.text).toContain(t.causes[cause].todo);
        expect(notice.text).toContain(t.receiptWasWrong);
        expect(containsCpr(all(notice))).toBe(false);
        expect(all(notice)).not.toMatch(TEN_DIGITS);
      });
    }
  }

  it("gives a systemic incident a different text: not your fault, being handled, meanwhile", () => {
    const notice = composeNotice({
      audience: sender,
      mails: [
        mail({ systemic: true, incidentKey: "tls-1", recipients: [{ address: "a@b.example", cause: "tls-required" }] }),
      ],
      contact: "x",
    });
    expect(notice.text).toContain("Det er ikke din fejl");
    expect(notice.text).toContain("hændelse tls-1");
    expect(notice.text).toContain(templatesFor("da").systemic.todo);
    expect(notice.text).not.toContain(templatesFor("da").causes["tls-required"].todo);
  });

  it("writes English for staff whose directory entry says en", () => {
    const notice = composeNotice({ audience: { ...sender, language: "en" }, mails: [mail()], contact: "x" });
    expect(notice.subject).toBe("[Sikkerhedsnet] Your mail did NOT arrive");
    expect(notice.text).toContain("The subject is never encrypted");
    expect(notice.html).toContain('lang="en"');
  });

  it("tells a manager whose mail it was and why they are told", () => {
    const notice = composeNotice({
      audience: {
        address: "boss@kommune.example",
        role: "manager",
        language: "da",
        name: "Leder",
        onBehalfOf: { address: "left@kommune.example", name: "Ole", department: "Børn og Unge", why: "left" },
      },
      mails: [mail({ sender: "left@kommune.example" })],
      contact: "x",
    });
    expect(notice.text).toContain("Ole (left@kommune.example) i Børn og Unge, som er markeret som fratrådt");
    expect(notice.text).toContain("Afsender: left@kommune.example");
  });

  it("tells a mailbox owner about inbound mail: sender domain, when and why, no subject", () => {
    const notice = composeNotice({
      audience: {
        address: "owner@kommune.example",
        role: "mailbox-owner",
        language: "da",
        name: null,
        mailboxes: ["blanket@kommune.example"],
      },
      mails: [
        mail({
          senderDomain: "borger.example",
          recipients: [{ address: "blanket@kommune.example", cause: "message-too-large" }],
        }),
      ],
      contact: "x",
    });
    expect(notice.subject).toContain("En mail til jer");
    expect(notice.text).toContain("Afsenderens domæne: borger.example");
    expect(notice.text).toContain("Postkasse: blanket@kommune.example");
    expect(notice.text).not.toContain("Underretning");
    expect(notice.text).toContain(templatesFor("da").inboundTodo);
  });

  it("gathers several mails into one digest", () => {
    const notice = composeNotice({
      audience: sender,
      mails: [mail(), mail({ originalMessageId: "<two@kommune.example>" }), mail()],
      contact: "x",
    });
    expect(notice.subject).toBe("[Sikkerhedsnet] 3 af dine mails nåede IKKE frem");
    expect(notice.text).toContain("Mail 2 af 3");
    expect(notice.text).toContain("<two@kommune.example>");
  });

  it("masks CPR numbers hidden in addresses, names and Message-IDs and escapes HTML", () => {
    const notice = composeNotice({
      audience: { ...sender, name: "<b>Eve</b> 010203-1234" },
      mails: [
        mail({
          originalMessageId: "<0102031234@x>",
          recipients: [{ address: "0102031234@borger.example", cause: "unknown" }],
        }),
      ],
      contact: "x",
    });
    expect(all(notice)).not.toMatch(TEN_DIGITS);
    expect(containsCpr(all(notice))).toBe(false);
    expect(notice.html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
  });
});

describe("composeNotice for a mail that failed for many recipients", () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      address: `borger${i}@example.org`,
      cause: "recipient-unknown" as const,
    }));

  it("names the first recipients and says how many more, in Danish and English", () => {
    const da = composeNotice({ audience: sender, mails: [mail({ recipients: many(10_050) })], contact: "IT" });
    expect(da.text).toContain("borger0@example.org");
    expect(da.text).toContain("borger49@example.org");
    expect(da.text).not.toContain("borger50@example.org");
    expect(da.text).toContain("og 10.000 flere modtagere");
    const en = composeNotice({
      audience: { ...sender, language: "en" },
      mails: [mail({ recipients: many(51) })],
      contact: "IT",
    });
    expect(en.text).toContain("and 1 more recipients");
    expect(en.html).not.toContain("borger50@example.org");
  });

  it("lists every recipient when there are few", () => {
    const notice = composeNotice({ audience: sender, mails: [mail({ recipients: many(50) })], contact: "IT" });
    expect(notice.text).toContain("borger49@example.org");
    expect(notice.text).not.toMatch(/flere modtagere/);
  });
});
