// The demo's live failures: caseworkers send secure mail through the mail chain (the chain
// simulator's DLP filter); those with a CPR number in the subject are refused, their NDRs land in
// the safety-net mailbox, and the running service tells each caseworker. Fake CPR numbers.
//   npx tsx scripts/demo/send-live-failures.ts smtp://127.0.0.1:2526
import nodemailer from "nodemailer";

const url = process.argv[2] ?? "smtp://127.0.0.1:2526";
const transport = nodemailer.createTransport({ url, ignoreTLS: true } as never);
const mails = [
  {
    from: "boern-familie.sagsbehandler7@kommune.example",
    to: "sikkerpost@politi.example",
    subject: "Underretning vedr. 120398-1234",
  },
  {
    from: "jobcenter.sagsbehandler12@kommune.example",
    to: "sikkerpost@region.example",
    subject: "Sag 030571-2345 - lægeerklæring",
  },
  {
    from: "handicap.sagsbehandler3@kommune.example",
    to: "sikkerpost@familieretshuset.example",
    subject: "Akter i sagen",
  },
  {
    from: "ydelse.sagsbehandler21@kommune.example",
    to: "sikkerpost@ankestyrelsen.example",
    subject: "Klage, cpr 241085-3456",
  },
];
for (const [n, mail] of mails.entries()) {
  await new Promise((resolve) => setTimeout(resolve, n === 0 ? 0 : 2000));
  try {
    await transport.sendMail({ ...mail, text: "Se vedhæftede akter.\n" });
    process.stdout.write(`demo: ${mail.from} sent secure mail to ${mail.to}\n`);
  } catch (error) {
    // A refusal at the DLP filter is the point: the NDR goes to the safety-net mailbox.
    process.stdout.write(
      `demo: ${mail.from}'s mail to ${mail.to} was refused (${(error as Error).message.split("\n")[0]})\n`,
    );
  }
}
transport.close();
