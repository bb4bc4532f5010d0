// The demo's stand-in for the municipality's SMTP relay: accepts the notices Safety net sends on
// 127.0.0.1:2525 (or the port given as its argument) and keeps each as .run/demo-outbox/<n>.eml, so a demo user can read them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const outbox = path.join(import.meta.dirname, "../../.run/demo-outbox");
mkdirSync(outbox, { recursive: true });
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      count += 1;
      const file = path.join(outbox, `${Date.now()}-${count}.eml`);
      writeFileSync(file, Buffer.concat(chunks));
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(", ");
      process.stdout.write(`demo mail sink: mail to ${to} saved as ${path.relative(process.cwd(), file)}\n`);
      callback();
    });
  },
});
server.on("error", (error) => process.stderr.write(`demo mail sink: ${error.message}\n`));
const port = Number(process.argv[2] ?? 2525);
server.listen(port, "127.0.0.1", () => process.stdout.write(`demo mail sink listening on 127.0.0.1:${port}\n`));
