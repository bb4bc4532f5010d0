// Benchmark SMTP sink in its own process (as a real mail server would be): the loopback
// listener from @safetynet/testing; prints its port, then "count N cpuMs" when asked.
import { createInterface } from "node:readline";
import { startSmtpListener } from "@safetynet/testing";

const smtp = await startSmtpListener();
process.stdout.write(`port ${smtp.port}\n`);
const lines = createInterface({ input: process.stdin });
lines.on("line", () => {
  const cpu = process.cpuUsage();
  process.stdout.write(`count ${smtp.messages.length} ${(cpu.user + cpu.system) / 1000}\n`);
});
lines.on("close", () => void smtp.close().then(() => process.exit(0)));
