import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectSourceKind } from "./detect-source-kind.js";
import { readMessageFiles, readSource } from "./read-message-files.js";

function fixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mail-files-"));
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(path.join(dir, "md", sub), { recursive: true });
  writeFileSync(path.join(dir, "md/cur/2.x:2,S"), "Subject: b\n\nb\n");
  writeFileSync(path.join(dir, "md/new/1.x"), "Subject: a\n\na\n");
  writeFileSync(path.join(dir, "md/tmp/3.x"), "Subject: partial\n");
  mkdirSync(path.join(dir, "emls/deep"), { recursive: true });
  writeFileSync(path.join(dir, "emls/b.eml"), "Subject: 2\n\n");
  writeFileSync(path.join(dir, "emls/deep/a.EML"), "Subject: 1\n\n");
  writeFileSync(path.join(dir, "emls/notes.txt"), "not mail");
  writeFileSync(path.join(dir, "box"), "From a Mon\nSubject: m1\n\nx\n\nFrom b Tue\nSubject: m2\n\ny\n");
  writeFileSync(path.join(dir, "one.eml"), "Subject: single\n\nz\n");
  return dir;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("reading message files", () => {
  it("detects each kind of source", async () => {
    const dir = fixture();
    expect(await detectSourceKind(path.join(dir, "md"))).toBe("maildir");
    expect(await detectSourceKind(path.join(dir, "emls"))).toBe("eml-folder");
    expect(await detectSourceKind(path.join(dir, "box"))).toBe("mbox");
    expect(await detectSourceKind(path.join(dir, "one.eml"))).toBe("eml");
    expect(await detectSourceKind("-")).toBe("stdin");
  });

  it("reads Maildir cur/ and new/ (never tmp/), .eml folders recursively, mbox and single files, in a stable order", async () => {
    const dir = fixture();
    const messages = await collect(
      readMessageFiles(["md", "emls", "box", "one.eml"].map((name) => path.join(dir, name))),
    );
    expect(messages.map((message) => message.bytes.toString().split("\n")[0])).toEqual([
      "Subject: b",
      "Subject: a",
      "Subject: 2",
      "Subject: 1",
      "Subject: m1",
      "Subject: m2",
      "Subject: single",
    ]);
    expect(messages.filter((message) => message.file.endsWith("box")).map((message) => message.index)).toEqual([0, 1]);
  });

  it("resumes a folder after a file, and reads an mbox or a single message from stdin", async () => {
    const dir = fixture();
    const rest = await collect(readSource(path.join(dir, "emls"), "eml-folder", { resume: { afterFile: "b.eml" } }));
    expect(rest.map((message) => path.basename(message.file))).toEqual(["a.EML"]);
    const fromStdin = await collect(
      readSource("-", "stdin", { stdin: Readable.from([Buffer.from("From a\nSubject: s1\n\nFrom b\nSubject: s2\n")]) }),
    );
    expect(fromStdin.map((message) => message.index)).toEqual([0, 1]);
    const single = await collect(
      readSource("-", "stdin", { stdin: Readable.from([Buffer.from("Subject: only\n\nx")]) }),
    );
    expect(single).toHaveLength(1);
  });
});

describe("what is not a message", () => {
  it("skips mail servers' index and control files and tmp/ folders inside an .eml folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mail-files-"));
    mkdirSync(path.join(dir, "tmp"));
    writeFileSync(path.join(dir, "a.eml"), "Subject: a\n\n");
    writeFileSync(path.join(dir, "tmp", "b.eml"), "Subject: partial\n");
    for (const name of ["dovecot-uidlist", "dovecot.index.eml", "subscriptions", "maildirsize"])
      writeFileSync(path.join(dir, name), "index\n");
    const messages = await collect(readMessageFiles([dir]));
    expect(messages.map((message) => path.basename(message.file))).toEqual(["a.eml"]);
  });

  it("reports a file that vanished between listing and reading and goes on when asked to", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mail-files-"));
    for (const name of ["a.eml", "b.eml", "c.eml"]) writeFileSync(path.join(dir, name), `Subject: ${name}\n\n`);
    const skipped: string[] = [];
    const reader = readSource(dir, "eml-folder", { onUnreadable: (file) => skipped.push(path.basename(file)) });
    const first = await reader.next(); // the folder is listed now
    rmSync(path.join(dir, "b.eml"));
    const rest = await collect({ [Symbol.asyncIterator]: () => reader });
    expect([first.value, ...rest].map((message) => path.basename(message!.file))).toEqual(["a.eml", "c.eml"]);
    expect(skipped).toEqual(["b.eml"]);
    const strict = readSource(dir, "eml-folder");
    await strict.next();
    writeFileSync(path.join(dir, "b.eml"), "x");
    rmSync(path.join(dir, "c.eml"));
    await expect(collect({ [Symbol.asyncIterator]: () => strict })).rejects.toThrow(/ENOENT/);
  });
});
