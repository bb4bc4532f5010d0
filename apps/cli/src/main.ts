// `safetynet` command: the composition root. Each subcommand lives in commands/<name>.ts and
// exports `run(args): Promise<number>` (the exit code); it is loaded only when called, so
// `parse`, `classify` and `cpr` never touch services or the environment they do not need.
import { setFlagsFromString } from "node:v8";
import { COMMANDS, usage } from "./command-registry.js";
import { UsageError } from "./read-args.js";

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`safetynet: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  for (const flag of module.v8Flags ?? []) setFlagsFromString(flag);
  try {
    return await module.run(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`safetynet ${name}: ${error.message} (see safetynet ${name} --help)\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`safetynet: ${message}\n`);
    process.exitCode = 1;
  },
);
