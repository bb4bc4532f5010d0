import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.js";

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ destination, level: "info" }), lines };
}

describe("createLogger redaction", () => {
  it("redacts a subject and an Authorization header", () => {
    const { logger, lines } = captureLogger();
    logger.info(
      { subject: "Sag 010203-1234 vedr. anbringelse", req: { headers: { authorization: "Bearer s3cret-token" } } },
      "request",
    );
    logger.child({ messageId: "m1" }).warn({ message: { subject: "Underretning 0102031234", body: "brødtekst" } }, "x");
    const output = lines.join("");
    expect(output).not.toContain("010203");
    expect(output).not.toContain("0102031234");
    expect(output).not.toContain("s3cret-token");
    expect(output).not.toContain("brødtekst");
    expect(output).toContain("[redacted]");
    expect(output).toContain('"messageId":"m1"');
  });

  it("redacts passwords and tokens in connection settings", () => {
    const { logger, lines } = captureLogger();
    logger.info({ imap: { auth: { user: "ndr", pass: "hunter2", accessToken: "eyJabc" } } }, "connect");
    const output = lines.join("");
    expect(output).toContain('"user":"ndr"');
    expect(output).not.toContain("hunter2");
    expect(output).not.toContain("eyJabc");
  });
});

describe("createLogger for people", () => {
  function capturePretty() {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { logger: createLogger({ destination, level: "info", pretty: true }), lines };
  }

  it("writes one readable line per entry: time, level, component: message, then the fields", () => {
    const { logger, lines } = capturePretty();
    logger.child({ component: "worker" }).info({ messageId: "m1" }, "NDR received");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: worker: NDR received \{"messageId":"m1"\}\n$/);
  });

  it("still redacts subjects and secrets", () => {
    const { logger, lines } = capturePretty();
    logger.warn({ subject: "Sag 010203-1234", imap: { auth: { pass: "hunter2" } } }, "x");
    const output = lines.join("");
    expect(output).not.toContain("010203");
    expect(output).not.toContain("hunter2");
    expect(output).toContain("[redacted]");
  });
});
