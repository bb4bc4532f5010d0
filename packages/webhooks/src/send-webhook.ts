// One HTTP attempt of one webhook: guard and pin the address, POST the signed body, read at most
// 2 KB of the answer, give up after the timeout. Redirects are never followed (node:http does not
// follow them; a 3xx is a failed attempt): a redirect could lead past the guard. Never throws:
// every outcome is evidence for the retry decision and a row in the delivery log.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isAppError } from "@safetynet/core";
import { parseRetryAfter } from "./parse-retry-after.js";
import { type GuardOptions, type ResolvedAddress, resolveWebhookHost } from "./resolve-webhook-host.js";
import type { WebhookHeaders } from "./sign-webhook.js";

export const WEBHOOK_TIMEOUT_MS = 15_000;
export const RESPONSE_BODY_LIMIT = 2048;

export interface SendRequest {
  url: string;
  body: string;
  headers: WebhookHeaders;
}

export interface SendOptions extends GuardOptions {
  timeoutMs?: number;
}

export interface SendResult {
  /** Null when no response came (refused by the guard, timeout, connection error). */
  httpStatus: number | null;
  durationMs: number;
  /** The first RESPONSE_BODY_LIMIT bytes of the answer, as text. */
  responseBody: string | null;
  retryAfterMs: number | null;
  error: string | null;
  /** True when the guard refused the host: nothing was sent. */
  blocked: boolean;
}

/** Hands the already checked address to the socket, whatever family or form node asks for. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

export async function sendWebhook(request: SendRequest, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string, blocked = false): SendResult => ({
    httpStatus: null,
    durationMs: elapsed(),
    responseBody: null,
    retryAfterMs: null,
    error,
    blocked,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return failed("invalid URL", true);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return failed(`unsupported scheme ${url.protocol}`, true);
  let pinned: ResolvedAddress;
  try {
    pinned = await resolveWebhookHost(url.hostname, options);
  } catch (error) {
    return failed(isAppError(error, "WEBHOOK_BLOCKED") ? error.message : `DNS: ${(error as Error).message}`, true);
  }
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(url, {
      method: "POST",
      // A fresh connection per attempt: a pooled socket would skip the pinned lookup.
      agent: false,
      lookup: pinnedLookup(pinned),
      headers: {
        "content-type": "application/json",
        "user-agent": "Safetynet-Webhooks/1",
        "content-length": Buffer.byteLength(request.body),
        ...request.headers,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(failed(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => finish(failed(error.code ?? error.message)));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const body = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8").replaceAll("\u0000", "");
        const retryAfter = res.headers["retry-after"];
        finish({
          httpStatus: res.statusCode ?? null,
          durationMs: elapsed(),
          responseBody: body,
          retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, new Date()),
          error: null,
          blocked: false,
        });
        res.destroy();
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // Enough for the log: stop reading rather than take in a large answer.
        if (size >= RESPONSE_BODY_LIMIT) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.end(request.body);
  });
}
