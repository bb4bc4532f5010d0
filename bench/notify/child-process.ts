// Benchmark helper: a tsx child process spoken to in lines (commands in, answers out).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface LineChild {
  ask(command: string): Promise<string>;
  next(): Promise<string>;
  send(command: string): void;
  end(): Promise<void>;
}

export function startLineChild(script: string, args: string[] = [], nodeArgs: string[] = []): LineChild {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
  const next = () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve)));
  return {
    next,
    send: (command) => void child.stdin!.write(`${command}\n`),
    async ask(command) {
      child.stdin!.write(`${command}\n`);
      return next();
    },
    end: () =>
      new Promise<void>((resolve) => {
        child.on("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}
