// `safetynet start [poller|worker|api]`: runs every component in one process, or
// one of them. SIGTERM/SIGINT stop intake first (IMAP logout) and let the batch in hand finish.
import { createConfiguredLogger, type Logger, setRootLogger } from "@safetynet/config";
import { readArgs } from "../read-args.js";

const BUILT = ["poller", "worker", "api"] as const;

const USAGE = `usage: safetynet start [${BUILT.join("|")}]...
Runs the named components (all of them when none is named) in this process until SIGTERM or Ctrl-C.
`;

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function startComponent(name: (typeof BUILT)[number], logger: Logger): Promise<Running> {
  switch (name) {
    case "poller": {
      const { start } = await import("@safetynet/poller");
      const poller = await start({ logger });
      return { name, stop: () => poller.stop() };
    }
    case "worker": {
      const { start } = await import("@safetynet/worker");
      const worker = await start({ logger });
      return { name, stop: () => worker.stop() };
    }
    case "api": {
      const { start } = await import("@safetynet/api");
      const api = await start({ logger });
      process.stdout.write(`safetynet start: api listening on ${api.url}\n`);
      return { name, stop: () => api.stop() };
    }
  }
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals: requested } = readArgs({
    args,
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  for (const name of requested) {
    if (!(BUILT as readonly string[]).includes(name)) {
      process.stderr.write(`safetynet start: unknown component "${name}"; components: ${BUILT.join(", ")}\n`);
      return 2;
    }
  }
  const names = (requested.length ? requested : [...BUILT]) as (typeof BUILT)[number][];
  // One root logger for the process: components bind their own children; connection error
  // listeners deep inside the factories log through it.
  const logger = createConfiguredLogger();
  setRootLogger(logger);
  const running: Running[] = [];
  for (const name of names) running.push(await startComponent(name, logger));
  process.stdout.write(`safetynet start: ${names.join(", ")} running; SIGTERM or Ctrl-C stops\n`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      process.stdout.write(`safetynet start: ${signal}: stopping ${names.join(", ")}\n`);
      resolve();
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
  // Drain with a time limit: a hung server must not keep the process alive forever.
  const limit = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
  const result = await Promise.race([
    Promise.all(running.map((component) => component.stop())).then(() => "done" as const),
    limit,
  ]);
  if (result === "timeout") {
    process.stderr.write("safetynet start: shutdown took over 30 s; exiting anyway\n");
    return 1;
  }
  return 0;
}
