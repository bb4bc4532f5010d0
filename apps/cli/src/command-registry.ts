// The subcommands of `safetynet`, with a one-line summary each. Commands of the run contract
// are added here as their issues land.
export interface CommandModule {
  run(args: string[]): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  migrate: { summary: "apply the database migrations", load: () => import("./commands/migrate.js") },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `usage: safetynet <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}
