// A real HTTP receiver on loopback that records every request (for webhook tests) and answers
// with a status the test chooses.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: Date;
}

/** An answer: a status alone, or with headers (Location, Retry-After) and a body. */
export type ReceiverAnswer = number | { status: number; headers?: Record<string, string>; body?: string };

export interface HttpReceiver {
  url: string;
  requests: RecordedRequest[];
  /** Answers, in order; the last one repeats. Default 200. */
  respondWith(...answers: ReceiverAnswer[]): void;
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: RecordedRequest[] = [];
  let answers: ReceiverAnswer[] = [200];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date(),
      });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      const { status, headers, body } = typeof answer === "number" ? { status: answer } : answer;
      res.writeHead(status, { "content-type": "text/plain", ...headers }).end(body ?? String(status));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(...next) {
      answers = next.length ? next : [200];
    },
    async waitForRequests(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return requests.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
