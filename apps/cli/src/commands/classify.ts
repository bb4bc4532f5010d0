// `safetynet classify [--json] [--rules FILE] [--silences FILE] PATH...`: messages in arrival order
// (their Date header) through the worker's classifier and grouping, offline; then one final state per message.
import { StreamClassifier, type StreamOptions } from "@safetynet/classifier";
import { AppError } from "@safetynet/core";
import { readMessageFiles } from "@safetynet/mail-files";
import { readArgs } from "../read-args.js";
import { loadStreamOptions } from "./classify-options.js";

const USAGE = `usage: safetynet classify [--json] [--rules FILE] [--silences FILE] PATH... (files, .eml folders, Maildir, mbox, - for stdin)
  --rules FILE      responsibility rules (JSON; default RESPONSIBILITY_RULES, else the built-in rules)
  --silences FILE   staff's silences as they create them: a JSON array of {"fingerprint", "reason",
                    "createdBy", "expiresAt" (ISO time)}; as in the worker, each holds until its expiry in
                    the messages' time (their Date) and mutes escalation, not grouping: the lines stay the same
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals: paths } = readArgs({
    args,
    allowPositionals: true,
    options: {
      // JSON lines are the only output; --json is accepted for the documented contract.
      json: { type: "boolean" },
      rules: { type: "string" },
      silences: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (paths.length === 0) return usageError();
  let options: StreamOptions;
  try {
    options = await loadStreamOptions({ rules: values.rules, silences: values.silences });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "VALIDATION_FAILED")) throw error;
    return usageError(error.message);
  }
  const stream = new StreamClassifier(options);
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
    if (!process.stdout.write(`${JSON.stringify(line)}\n`))
      await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  return unreadable ? 1 : 0;
}

function usageError(problem?: string): number {
  process.stderr.write(problem ? `safetynet classify: ${problem}\n` : USAGE);
  return 2;
}
