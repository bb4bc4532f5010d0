// Behaviour on the project's own fixtures (packages/ndr/fixtures): the cases the Sisimai corpus
// lacks (Danish Exchange Online transport rule, DLP content filter, encrypting gateway, TLS).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseMessage } from "./index.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const FULL_CPR = /\b\d{6}-?\d{4}\b/;

describe("parseMessage on fixtures", () => {
  it("reads a Danish Exchange Online transport-rule NDR as a policy failure caused by a CPR subject", () => {
    const report = parseMessage(fixture("exchange-online-transport-rule-da.eml"));
    expect(report.kind).toBe("bounce");
    expect(report.recipients).toHaveLength(1);
    const [recipient] = report.recipients;
    expect(recipient).toMatchObject({
      address: "politi@politi.example",
      action: "failed",
      status: "5.7.1",
      replyCode: "550",
      reason: "policyviolation",
      hardBounce: false,
    });
    expect(report.cause).toBe("cpr-in-subject");
    expect(report.cpr).toEqual({ inSubject: true, count: 1 });
    expect(report.original.subject).toBe("Sag vedrørende 0102XX-XXXX - underretning");
    expect(report.original.from).toBe("sagsbehandler@kommune.example");
    expect(report.original.to).toEqual(["politi@politi.example"]);
    expect(report.arrivalDate).toBe("2024-03-12T09:14:01.000Z");
    expect(JSON.stringify(report)).not.toMatch(FULL_CPR);
  });

  it("reads a content-filter DSN that names personal data", () => {
    const report = parseMessage(fixture("content-filter-personal-data.eml"));
    expect(report).toMatchObject({ kind: "bounce", decodedBy: "postfix", cause: "cpr-in-subject" });
    expect(report.recipients[0]).toMatchObject({
      address: "skole@skole.example",
      reason: "policyviolation",
      smtpCommand: "DATA",
      remoteMta: "mx.skole.example",
    });
    expect(report.original.subject).toContain("0203XX-XXXX");
    expect(JSON.stringify(report)).not.toMatch(FULL_CPR);
  });

  it("reads an encrypting gateway's DSN that cannot return the message", () => {
    const report = parseMessage(fixture("encrypting-gateway-cannot-return.eml"));
    expect(report.kind).toBe("bounce");
    expect(report.recipients[0]).toMatchObject({
      address: "borger.raadgivning@region.example",
      status: "5.7.5",
      reason: "securityerror",
      hardBounce: false,
    });
    expect(report.original).toMatchObject({ from: "jobcenter@kommune.example", subject: "Aktivering - opfølgning" });
    expect(report.cause).toBeNull();
  });

  it("reads a recipient domain that requires TLS as failedstarttls", () => {
    const report = parseMessage(fixture("recipient-domain-requires-tls.eml"));
    expect(report.recipients[0]).toMatchObject({
      address: "post@tls-only.example",
      status: "5.7.0",
      replyCode: "530",
      reason: "failedstarttls",
      smtpCommand: "MAIL",
    });
  });

  it("reports a delay as kind delay with action delayed, not as a failure", () => {
    const report = parseMessage(fixture("postfix-delayed.eml"));
    expect(report.kind).toBe("delay");
    expect(report.recipients[0]).toMatchObject({
      action: "delayed",
      reason: "expired",
      status: "4.4.1",
      hardBounce: false,
    });
    expect(report.cause).toBeNull();
  });

  it("reports an out-of-office reply as autoreply / vacation", () => {
    const report = parseMessage(fixture("outlook-autoreply-da.eml"));
    expect(report.kind).toBe("autoreply");
    expect(report.recipients).toEqual([
      expect.objectContaining({ address: "hanne.jensen@region.example", action: "autoreplied", reason: "vacation" }),
    ]);
  });

  it("never reports an ordinary message as a failure", () => {
    const report = parseMessage(fixture("plain-message.eml"));
    expect(report.kind).toBe("not-bounce");
    expect(report.recipients).toEqual([]);
  });

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith(".eml")))(
    "%s parses the same with LF, CRLF and CR line ends",
    (name) => {
      const lf = fixture(name).toString("latin1").replace(/\r\n?/g, "\n");
      const expected = parseMessage(Buffer.from(lf, "latin1"));
      expect(parseMessage(Buffer.from(lf.replace(/\n/g, "\r\n"), "latin1"))).toEqual(expected);
      expect(parseMessage(Buffer.from(lf.replace(/\n/g, "\r"), "latin1"))).toEqual(expected);
    },
  );
});
