// Writes N real-format NDRs straight into a Dovecot user's Maildir new/ (APPEND is far slower):
// the bounce corpus (sisimai set-of-emails) when present, each copy made unique by one header.

import { execFileSync } from "node:child_process";
import { chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CORPUS_DIR, corpusAvailable } from "@safetynet/testing";
import { makeNdr } from "../../apps/poller/src/test-support/make-ndr.js";

function templates(): { source: string; bytes: Buffer[] } {
  if (!corpusAvailable())
    return { source: "generated RFC 3464 NDRs", bytes: Array.from({ length: 50 }, (_, i) => makeNdr(i)) };
  const folder = path.join(CORPUS_DIR, "maildir/bsd");
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  return {
    source: `${files.length} corpus files (${folder})`,
    bytes: files.map((name) => readFileSync(path.join(folder, name))),
  };
}

export function fillMaildir(maildir: string, count: number, offset = 0): { source: string; bytes: number } {
  const { source, bytes: pool } = templates();
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(path.join(maildir, sub), { recursive: true });
  const uid = Number(execFileSync("id", ["-u", "nobody"]).toString().trim());
  const gid = Number(execFileSync("getent", ["group", "nogroup"]).toString().split(":")[2]);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const template = pool[n % pool.length]!;
    const bytes = Buffer.concat([Buffer.from(`X-Bench-Copy: ${n}\r\n`), template]);
    const file = path.join(maildir, "new", `${1_800_000_000 + n}.M${n}P1.bench`);
    writeFileSync(file, bytes);
    chownSync(file, uid, gid);
    total += bytes.length;
  }
  for (const dir of [maildir, ...["cur", "new", "tmp"].map((sub) => path.join(maildir, sub))]) chownSync(dir, uid, gid);
  return { source, bytes: total };
}
