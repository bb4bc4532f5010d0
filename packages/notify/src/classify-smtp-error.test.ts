import { describe, expect, it } from "vitest";
import { classifySmtpError } from "./classify-smtp-error.js";

describe("classifySmtpError", () => {
  it("retries 4xx and network faults, gives up on 5xx", () => {
    expect(classifySmtpError({ responseCode: 451, code: "EMESSAGE" })).toEqual({
      kind: "transient",
      responseCode: 451,
      summary: "smtp 451 (EMESSAGE)",
    });
    expect(classifySmtpError({ code: "ECONNREFUSED" }).kind).toBe("transient");
    expect(classifySmtpError({ responseCode: 550, code: "EMESSAGE" }).kind).toBe("permanent");
    expect(classifySmtpError(new Error("boom")).kind).toBe("transient");
  });
});
