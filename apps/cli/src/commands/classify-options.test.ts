import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StreamClassifier, type StreamOptions } from "@safetynet/classifier";
import { MONDAY, tlsRefusal } from "@safetynet/classifier/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "./classify.js";
import { loadStreamOptions } from "./classify-options.js";

const HOUR = 3_600_000;
const dir = mkdtempSync(path.join(tmpdir(), "classify-silences-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

// A domain refusing non-TLS mail from 10:00 to 12:00 on 2 November 2026: systemic by nature, so
// the worker escalates it (opened after the group wait, updated at 10 failures).
const messages = tlsRefusal(21, MONDAY + 3 * HOUR, "silenced.example");
const mails = path.join(dir, "mails");
mkdirSync(mails);
for (const [index, message] of messages.entries()) {
  writeFileSync(path.join(mails, `${String(index).padStart(2, "0")}.eml`), message.raw);
}

function classify(options: StreamOptions) {
  const stream = new StreamClassifier(options);
  for (const [index, message] of messages.entries())
    stream.add({ file: `${index}.eml`, index: 0, bytes: Buffer.from(message.raw) });
  const lines = stream.finish();
  return { lines, events: stream.escalations.map((effect) => effect.event) };
}

let base: StreamOptions;
let fingerprint: string;
beforeAll(async () => {
  base = await loadStreamOptions({});
  // what staff see: the incident key, "<fingerprint>-<sequence>"
  fingerprint = (classify(base).lines[0] as { incident: string }).incident.replace(/-\d+$/, "");
});

/** A silences file on the fault's fingerprint, as staff make them. */
function silencesFile(name: string, expiresAt: string): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify([
      {
        fingerprint,
        reason: "the receiver's TLS outage, agreed with them",
        createdBy: "ops@kommune.example",
        expiresAt,
      },
    ]),
  );
  return file;
}

describe("classify --silences: the offline run treats silences as the worker does", () => {
  it("without silences the fault escalates", () => {
    const { lines, events } = classify(base);
    expect(new Set(lines.map((line) => "scope" in line && line.scope))).toEqual(new Set(["systemic"]));
    expect(events).toEqual(["incident.opened", "incident.updated"]);
  });

  it("a silence mutes its escalation but not its grouping: the lines are the same", async () => {
    // expired by today's clock, not in the messages' time: the step compares with each message's Date
    const options = await loadStreamOptions({ silences: silencesFile("active", "2026-11-03T00:00:00Z") });
    const silenced = classify(options);
    expect(silenced.events).toEqual([]);
    expect(silenced.lines).toEqual(classify(base).lines);
  });

  it("a silence that expired before the fault does not apply", async () => {
    const options = await loadStreamOptions({ silences: silencesFile("expired", "2026-11-02T09:59:59Z") });
    expect(classify(options).events).toEqual(["incident.opened", "incident.updated"]);
  });

  it("a silence that expires while the fault goes on lets the next message announce it", async () => {
    const options = await loadStreamOptions({
      silences: silencesFile("midway", new Date(MONDAY + 4.5 * HOUR).toISOString()),
    });
    // 11:30: the 10th failure came while it was silenced, so no update follows the late announcement
    expect(classify(options).events).toEqual(["incident.opened"]);
  });

  it("the command takes the flag and prints the same lines with and without it", async () => {
    const output = async (args: string[]) => {
      const written: string[] = [];
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => written.push(String(chunk)) > 0);
      const code = await run(args);
      vi.restoreAllMocks();
      return { code, text: written.join("") };
    };
    const plain = await output([mails]);
    const silenced = await output(["--json", "--silences", silencesFile("cli", "2026-11-03T00:00:00Z"), mails]);
    expect(plain.code).toBe(0);
    expect(silenced).toEqual(plain);
    expect(plain.text.trim().split("\n")).toHaveLength(messages.length);
  });
});
