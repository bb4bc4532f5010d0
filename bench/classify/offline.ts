// Speed of the classify command's engine (parse + classify + group, in memory, no services) over
// the benchmark's synthetic day of NDRs.   npx tsx bench/classify/offline.ts [--messages N]
import { DEFAULT_GROUP_SETTINGS, DEFAULT_RULES, StreamClassifier } from "../../packages/classifier/src/index.js";
import { dayStream } from "./day-stream.js";

const at = process.argv.indexOf("--messages");
const messages = at >= 0 ? Number(process.argv[at + 1]) : 10_000;
const stream = dayStream(messages, 1);
const bytes = stream.raws.map((raw) => Buffer.from(raw, "latin1"));
const began = performance.now();
const classifier = new StreamClassifier({ rules: DEFAULT_RULES, settings: DEFAULT_GROUP_SETTINGS });
for (const [index, message] of bytes.entries()) classifier.add({ file: `m${index}.eml`, index: 0, bytes: message });
const lines = classifier.finish();
const seconds = (performance.now() - began) / 1000;
const incidents = new Set(lines.flatMap((line) => ("incident" in line && line.incident ? [line.incident] : [])));
process.stdout.write(
  `classify offline: ${messages} NDRs in ${seconds.toFixed(2)} s = ${(messages / seconds).toFixed(0)} messages/s; ${incidents.size} incidents\n`,
);
