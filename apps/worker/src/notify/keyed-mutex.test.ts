import { describe, expect, it } from "vitest";
import { createKeyedMutex } from "./keyed-mutex.js";

describe("createKeyedMutex", () => {
  it("runs work for one key in turn and work for other keys alongside", async () => {
    const mutex = createKeyedMutex();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = mutex.run(["a"], async () => {
      order.push("a1 start");
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      order.push("a1 end");
    });
    const second = mutex.run(["a"], async () => {
      order.push("a2");
    });
    const other = mutex.run(["b"], async () => {
      order.push("b");
    });
    await other;
    expect(order).toEqual(["a1 start", "b"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["a1 start", "b", "a1 end", "a2"]);
  });
});
