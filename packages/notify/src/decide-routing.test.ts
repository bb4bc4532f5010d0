import { describe, expect, it } from "vitest";
import { type DirectoryEntry, decideRouting, isInternal } from "./decide-routing.js";

const internal = ["kommune.example"];
function dir(...entries: Partial<DirectoryEntry>[]) {
  return new Map(
    entries.map((e) => [
      e.email!,
      { name: "N", department: null, managerEmail: null, active: true, language: "da", ...e } as DirectoryEntry,
    ]),
  );
}
const out = (sender: string, recipient = "x@politi.example") => ({ originalSender: sender, recipient });

describe("decideRouting", () => {
  it("mails every internal sender directly when no directory is loaded", () => {
    const decision = decideRouting({
      failures: [out("a@kommune.example"), out("a@kommune.example", "y@politi.example")],
      internalDomains: internal,
      directoryLoaded: false,
      directory: new Map(),
      teamMailbox: null,
    });
    expect(decision.audiences).toEqual([
      { address: "a@kommune.example", role: "sender", language: "da", name: null, failureIndexes: [0, 1] },
    ]);
  });

  it("ignores external senders and counts subdomains as internal", () => {
    expect(
      decideRouting({
        failures: [out("x@else.example")],
        internalDomains: internal,
        directoryLoaded: false,
        directory: new Map(),
        teamMailbox: null,
      }).audiences,
    ).toEqual([]);
    expect(isInternal("a@skole.kommune.example", internal)).toBe(true);
    expect(isInternal("a@notkommune.example", internal)).toBe(false);
  });

  it("uses the directory's language and name for an active sender", () => {
    const decision = decideRouting({
      failures: [out("a@kommune.example")],
      internalDomains: internal,
      directoryLoaded: true,
      directory: dir({ email: "a@kommune.example", name: "Anna", language: "en" }),
      teamMailbox: null,
    });
    expect(decision.audiences[0]).toMatchObject({
      address: "a@kommune.example",
      role: "sender",
      language: "en",
      name: "Anna",
    });
  });

  it("tells the manager when the sender has left, the team mailbox when absent", () => {
    const directory = dir(
      { email: "left@kommune.example", active: false, managerEmail: "boss@kommune.example", department: "Jobcenter" },
      { email: "boss@kommune.example", name: "Boss" },
    );
    const left = decideRouting({
      failures: [out("left@kommune.example")],
      internalDomains: internal,
      directoryLoaded: true,
      directory,
      teamMailbox: "team@kommune.example",
    });
    expect(left.audiences[0]).toMatchObject({
      address: "boss@kommune.example",
      role: "manager",
      name: "Boss",
      onBehalfOf: { why: "left", department: "Jobcenter" },
    });
    const absent = decideRouting({
      failures: [out("ghost@kommune.example")],
      internalDomains: internal,
      directoryLoaded: true,
      directory,
      teamMailbox: "team@kommune.example",
    });
    expect(absent.audiences[0]).toMatchObject({
      address: "team@kommune.example",
      role: "team",
      onBehalfOf: { why: "not-in-directory" },
    });
    const nobody = decideRouting({
      failures: [out("ghost@kommune.example")],
      internalDomains: internal,
      directoryLoaded: true,
      directory,
      teamMailbox: null,
    });
    expect(nobody).toEqual({ audiences: [], unrouted: [0] });
  });

  it("skips a manager who has left too and falls back to the team mailbox", () => {
    const directory = dir(
      { email: "left@kommune.example", active: false, managerEmail: "boss@kommune.example" },
      { email: "boss@kommune.example", active: false },
    );
    const decision = decideRouting({
      failures: [out("left@kommune.example")],
      internalDomains: internal,
      directoryLoaded: true,
      directory,
      teamMailbox: "team@kommune.example",
    });
    expect(decision.audiences[0]).toMatchObject({ address: "team@kommune.example", role: "team" });
  });

  it("tells the owner of one of our mailboxes that inbound mail missed it", () => {
    const inbound = { originalSender: "borger@gmail.example", recipient: "blanket@kommune.example" };
    const withOwner = decideRouting({
      failures: [inbound],
      internalDomains: internal,
      directoryLoaded: true,
      directory: dir({ email: "blanket@kommune.example", managerEmail: "owner@kommune.example" }),
      teamMailbox: "team@kommune.example",
    });
    expect(withOwner.audiences[0]).toMatchObject({
      address: "owner@kommune.example",
      role: "mailbox-owner",
      mailboxes: ["blanket@kommune.example"],
    });
    const noDirectory = decideRouting({
      failures: [inbound],
      internalDomains: internal,
      directoryLoaded: false,
      directory: new Map(),
      teamMailbox: "team@kommune.example",
    });
    expect(noDirectory.audiences[0]).toMatchObject({ address: "team@kommune.example", role: "mailbox-owner" });
  });
});
