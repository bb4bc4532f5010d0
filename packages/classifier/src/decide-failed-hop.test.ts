import { describe, expect, it } from "vitest";
import { decideFailedHop, type HopEvidence, hopGrouping } from "./decide-failed-hop.js";

const base: HopEvidence = {
  cause: "network-or-dns",
  reason: "networkerror",
  status: "4.4.1",
  diagnostic: null,
  remoteHost: null,
  recipientDomain: "politi.example",
};

describe("decideFailedHop", () => {
  it("a connection refused at a relay outside the recipient's organisation is that relay, by its name in the text", () => {
    const hop = decideFailedHop({
      ...base,
      reason: "expired",
      diagnostic:
        "delivery temporarily suspended: connect to relay.sikkermail.example[10.20.0.5]:25: Connection refused",
      remoteHost: "mx.politi.example",
    });
    expect(hop).toEqual({ kind: "relay", fault: "connection", host: "relay.sikkermail.example" });
    expect(hopGrouping("expired-retrying", hop)).toBe("host");
  });

  it("without a name in the text the Remote-MTA is the hop; a bare private address only when nothing else is named", () => {
    const timeout = "421 4.4.0 Unable to connect. The last endpoint attempted was 10.0.0.25:25";
    expect(decideFailedHop({ ...base, diagnostic: timeout, remoteHost: "smtp-out1.kommune.example" })).toEqual({
      kind: "relay",
      fault: "connection",
      host: "smtp-out1.kommune.example",
    });
    expect(decideFailedHop({ ...base, diagnostic: timeout })).toEqual({
      kind: "relay",
      fault: "connection",
      host: "[10.0.0.25]",
    });
  });

  it("a failure at the recipient's own MX (any host of its organisation) is the recipient's", () => {
    const hop = decideFailedHop({
      ...base,
      recipientDomain: "afdeling.region.example",
      diagnostic: "connect to mx2.region.example[198.51.100.7]:25: Connection timed out",
    });
    expect(hop).toMatchObject({ kind: "recipient-mx", fault: "connection" });
    expect(hopGrouping("network-or-dns", hop)).toBe("domain");
  });

  it("TLS: a relay's failed handshake is the relay; a recipient MX demanding STARTTLS is the recipient", () => {
    expect(
      decideFailedHop({
        ...base,
        cause: "tls-required",
        reason: "networkerror",
        diagnostic: "lost connection with gw1.digipost.example[10.30.1.1] while performing the TLS handshake",
        remoteHost: "gw1.digipost.example",
      }),
    ).toEqual({ kind: "relay", fault: "tls", host: "gw1.digipost.example" });
    expect(
      decideFailedHop({
        ...base,
        cause: "tls-required",
        reason: "failedstarttls",
        status: "5.7.0",
        diagnostic: "host mx1.politi.example[192.0.2.10] said: 530 5.7.0 Must issue a STARTTLS command first",
        remoteHost: "mx1.politi.example",
      }),
    ).toMatchObject({ kind: "recipient-mx", fault: "tls" });
  });

  it("mailbox faults are the mailbox's, and refusals keep their cause's recipe", () => {
    const full = decideFailedHop({
      ...base,
      cause: "recipient-mailbox-full",
      reason: "mailboxfull",
      status: "4.2.2",
      diagnostic: "host mx.region.example[192.0.2.1] said: 452 4.2.2 Mailbox full",
      remoteHost: "relay.sikkermail.example",
    });
    expect(full.kind).toBe("mailbox");
    expect(hopGrouping("recipient-mailbox-full", full)).toBeNull();
    const refusal = decideFailedHop({
      ...base,
      cause: "recipient-policy",
      reason: "rejected",
      status: "5.7.1",
      diagnostic: "host relay.sikkermail.example[10.20.0.5] said: 550 5.7.1 Relaying denied",
      remoteHost: "relay.sikkermail.example",
    });
    expect(refusal).toMatchObject({ kind: "unknown", fault: "other" });
    expect(hopGrouping("recipient-policy", refusal)).toBeNull();
  });

  it("our gateway's own faults and individual causes keep their recipes; no host at all groups by domain", () => {
    const relay = decideFailedHop({
      ...base,
      diagnostic: "connect to gw.kommune.example[10.0.0.1]:25: Connection refused",
    });
    expect(hopGrouping("gateway-cannot-return", relay)).toBeNull();
    expect(hopGrouping("recipient-domain-unknown", relay)).toBeNull();
    const vague = decideFailedHop({ ...base, reason: "expired", status: "4.4.7", diagnostic: "Message expired" });
    expect(vague).toEqual({ kind: "unknown", fault: "connection", host: null });
    expect(hopGrouping("expired-retrying", vague)).toBe("domain");
  });
});
