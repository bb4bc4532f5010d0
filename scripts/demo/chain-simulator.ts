// The demo's stand-in for the municipality's mail chain (DLP filter + gateway), as a process:
//   npx tsx scripts/demo/chain-simulator.ts --port 2526 --relay smtp://127.0.0.1:2525 \
//     --imap imap://demo:demo-password@127.0.0.1:1143/INBOX [--drop-ndrs]
// Mail with a CPR number in the subject is refused and an Exchange-style NDR is appended to the
// --imap mailbox (the safety-net mailbox); everything else is relayed to --relay. Point
// CANARY_SMTP_URL at it (smtp://127.0.0.1:2526) and `npx safetynet canary` runs the real loop.
import { parseArgs } from "node:util";
import { startChainSimulator } from "@safetynet/testing";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "2526" },
    host: { type: "string", default: "127.0.0.1" },
    relay: { type: "string" },
    imap: { type: "string" },
    "drop-ndrs": { type: "boolean", default: false },
  },
});
if (!values.imap) {
  process.stderr.write(
    "chain simulator: --imap imap://user:pass@host:port/FOLDER (the safety-net mailbox) is required\n",
  );
  process.exit(2);
}
const imap = new URL(values.imap);
const chain = await startChainSimulator({
  port: Number(values.port),
  host: values.host,
  ...(values.relay ? { relayUrl: values.relay } : {}),
  ndrMailbox: {
    host: imap.hostname,
    port: Number(imap.port || 143),
    user: decodeURIComponent(imap.username),
    pass: decodeURIComponent(imap.password),
    folder: decodeURIComponent(imap.pathname.replace(/^\//, "")) || "INBOX",
  },
  onEvent(event) {
    // Addresses only: never a subject (it may hold a CPR number).
    if (event.type === "error") process.stderr.write(`chain simulator: ${event.error}\n`);
    else if (event.type === "refused")
      process.stdout.write(`chain simulator: refused mail from ${event.from} (CPR in subject); NDR ${event.ndr}\n`);
    else process.stdout.write(`chain simulator: relayed mail from ${event.from} to ${event.to.join(", ")}\n`);
  },
});
chain.dropNdrs(values["drop-ndrs"]);
process.stdout.write(
  `chain simulator listening on ${chain.url}; NDRs to ${imap.hostname}:${imap.port}${values.relay ? `; relaying to ${values.relay}` : ""}\n`,
);
const stop = () => chain.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
