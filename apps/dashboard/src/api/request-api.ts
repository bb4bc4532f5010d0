// The dashboard's one way to talk to the API: same-origin fetch with the session cookie, the CSRF
// header on every write (API-CONTRACT.md), a time limit so no page waits forever, one error shape.

export type Role = "viewer" | "triager" | "admin";

export interface Session {
  role: Role;
  name: string;
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = "";
let onSignedOut: (() => void) | undefined;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session has expired or was revoked. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

const TIMEOUT_MS = 20_000;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** Raw body (CSV upload) sent with this content type instead of JSON. */
  rawBody?: { text: string; type: string };
  accept?: string;
  /** A 401 is the expected answer (the session probe): do not report it as signed out. */
  quiet401?: boolean;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: options.accept ?? "application/json" };
  let body: string | undefined;
  if (options.rawBody) {
    headers["content-type"] = options.rawBody.type;
    body = options.rawBody.text;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new ApiError(0, timedOut ? "timeout" : "network", timedOut ? "timeout" : String(error));
  }
  if (!response.ok) {
    let code = `http-${response.status}`;
    let message = response.statusText;
    try {
      const parsed = (await response.json()) as { error?: { code?: string; message?: string } };
      code = parsed.error?.code ?? code;
      message = parsed.error?.message ?? message;
    } catch {
      // a proxy's HTML error page: keep the status line
    }
    if (response.status === 401 && !options.quiet401) onSignedOut?.();
    throw new ApiError(response.status, code, message);
  }
  return response;
}

export async function requestApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
