// The subcommands of `safetynet`, with a one-line summary each; every command takes --help.
export interface CommandModule {
  run(args: string[]): Promise<number>;
  /**
   * V8 flags the command wants for its process, set by main before `run` (not when tests call
   * `run` in their own process). For one-shot batch commands whose measured CPU time they lower.
   */
  v8Flags?: readonly string[];
}

interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  migrate: { summary: "apply the database migrations", load: () => import("./commands/migrate.js") },
  directory: {
    summary: "import the staff directory: directory import FILE.csv",
    load: () => import("./commands/directory.js"),
  },
  start: {
    summary: "run the service, every component or the ones named: start [poller|worker|api]",
    load: () => import("./commands/start.js"),
  },
  import: {
    summary: "back-fill history: import PATH...|imap://... [--since DATE] [--before DATE]",
    load: () => import("./commands/import.js"),
  },
  canary: {
    summary: "send one canary probe now and wait for its NDR: canary [--timeout SECONDS]",
    load: () => import("./commands/canary.js"),
  },
  parse: {
    summary: "parse bounce messages (files, .eml folders, mbox, - for stdin) into JSON lines",
    load: () => import("./commands/parse.js"),
  },
  cpr: { summary: "mask CPR numbers in text on stdin and list the matches", load: () => import("./commands/cpr.js") },
  classify: {
    summary: "classify and group bounce messages offline, in arrival order: one JSON line per message",
    load: () => import("./commands/classify.js"),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `usage: safetynet <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}
