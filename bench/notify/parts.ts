// Micro-benchmark of the notice path's parts, CPU per operation: composing, building the MIME
// bytes, sending through the pooled transport (listener in-process), a no-op BullMQ job.
//   npx tsx bench/notify/parts.ts
import { buildNoticeMessage, composeNotice, createNoticeTransport } from "@safetynet/notify";
import { createTestRedis, startSmtpListener } from "@safetynet/testing";
import { Queue, Worker } from "bullmq";

const smtp = await startSmtpListener();
const transport = createNoticeTransport({
  SMTP_URL: smtp.url,
  NOTICE_FROM: "s@kommune.example",
  SMTP_STARTTLS: "off",
  SMTP_TLS_REJECT_UNAUTHORIZED: true,
  SMTP_POOL_SIZE: 8,
});
const mail = {
  sentAt: new Date(),
  failedAt: new Date(),
  subjectMasked: "Underretning vedr. 0102XX-XXXX",
  originalMessageId: "<bench-1@kommune.example>",
  senderDomain: "kommune.example",
  sender: "a@kommune.example",
  recipients: [{ address: "m@politi.example", cause: "cpr-in-subject" as const }],
  systemic: false,
  incidentKey: null,
};
const composed = composeNotice({
  audience: { address: "a@kommune.example", role: "sender", language: "da", name: null },
  mails: [mail],
  contact: "IT",
});
const N = 2000;
async function measure(label: string, fn: (i: number) => Promise<unknown>, parallel = 32) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < N) await fn(next++);
    }),
  );
  const c = process.cpuUsage(c0);
  console.log(
    label.padEnd(30),
    "cpu ms/op",
    ((c.user + c.system) / 1000 / N).toFixed(3),
    "wall/s",
    (N / ((performance.now() - t0) / 1000)).toFixed(0),
  );
}
await measure(
  "compose",
  async () =>
    composeNotice({
      audience: { address: "a@kommune.example", role: "sender", language: "da", name: null },
      mails: [mail],
      contact: "IT",
    }),
  1,
);
await measure("build message", () =>
  buildNoticeMessage("s@kommune.example", {
    noticeId: "n",
    to: "a@kommune.example",
    messageId: "<m@x>",
    language: "da",
    composed,
  }),
);
smtp.messages.length = 0;
await measure("send (build+smtp, in-proc sink)", (i) =>
  transport.send({ noticeId: `n${i}`, to: "a@kommune.example", messageId: `<m${i}@x>`, language: "da", composed }),
);
transport.close();
await smtp.close();
const redis = createTestRedis();
const q = new Queue("probe", { connection: redis.connection(), prefix: redis.prefix });
await q.addBulk(
  Array.from({ length: N }, (_, i) => ({
    name: "x",
    data: { failureId: `f${i}` },
    opts: { jobId: `j${i}`, removeOnComplete: { age: 3600, count: 10000 } },
  })),
);
const c0 = process.cpuUsage();
const t0 = performance.now();
let done = 0;
await new Promise<void>((resolve) => {
  const w = new Worker(
    "probe",
    async () => {
      if (++done === N) setTimeout(() => void w.close().then(resolve), 10);
    },
    { connection: redis.connection(), prefix: redis.prefix, concurrency: 64 },
  );
});
const c = process.cpuUsage(c0);
console.log(
  "bullmq no-op job".padEnd(30),
  "cpu ms/op",
  ((c.user + c.system) / 1000 / N).toFixed(3),
  "wall/s",
  (N / ((performance.now() - t0) / 1000)).toFixed(0),
);
await q.close();
await redis.cleanup();
