// `safetynet classify [--json] [--rules FILE] PATH...`: messages in arrival order (their Date
// header) through the worker's classifier and grouping, offline; then one final state per message.
import { readFile } from "node:fs/promises";
import { DEFAULT_RULES, INCIDENT_CONFIG_KEYS, parseRules, settingsFromConfig, StreamClassifier, withOwnDomains } from "@safetynet/classifier";
import { loadConfig } from "@safetynet/config";
import { readMessageFiles } from "@safetynet/mail-files";

const USAGE = "usage: safetynet classify [--json] [--rules FILE] PATH... (files, .eml folders, Maildir, mbox, - for stdin)\n";

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const paths: string[] = [];
  let rulesFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") continue;
    if (args[i] === "--rules") rulesFile = args[++i];
    else paths.push(args[i]!);
  }
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig([...INCIDENT_CONFIG_KEYS, "RESPONSIBILITY_RULES", "INTERNAL_DOMAINS"]);
  const file = rulesFile ?? config.RESPONSIBILITY_RULES;
  const rules = withOwnDomains(file ? parseRules(JSON.parse(await readFile(file, "utf8"))) : DEFAULT_RULES, config.INTERNAL_DOMAINS);
  const stream = new StreamClassifier({ rules, settings: settingsFromConfig(config) });
  let unreadable = false;
  for (const path of paths) {
    try {
      for await (const message of readMessageFiles([path])) stream.add(message);
    } catch (error) {
      unreadable = true;
      stream.addError(path, 0, error);
    }
  }
  for (const line of stream.finish()) {
    if (!process.stdout.write(JSON.stringify(line) + "\n")) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  return unreadable ? 1 : 0;
}
