// Gathers prepared messages from concurrent jobs into one transaction (up to maxSize, waiting at
// most lingerMs for more), with at most `parallel` transactions in flight. A failed batch fails
// each of its jobs, which BullMQ retries on their own.
import type { PreparedMessage } from "./group-batch.js";
import type { IngestOutcome } from "./ingest-context.js";

interface Waiting {
  message: PreparedMessage;
  resolve(outcome: IngestOutcome): void;
  reject(error: unknown): void;
}

export interface BatcherOptions {
  maxSize: number;
  lingerMs: number;
  parallel: number;
  /** Observability (the benchmark prints it): size and duration of each transaction. */
  onBatch?: (size: number, ms: number) => void;
}

export function createBatcher(
  run: (messages: PreparedMessage[]) => Promise<Map<string, IngestOutcome>>,
  options: BatcherOptions,
) {
  const waiting: Waiting[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | null = null;

  function flush(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (waiting.length && running < options.parallel) {
      const batch = waiting.splice(0, options.maxSize);
      running++;
      const began = performance.now();
      run(batch.map((item) => item.message))
        .then(
          (outcomes) => {
            for (const item of batch) item.resolve(outcomes.get(item.message.messageId)!);
          },
          (error: unknown) => {
            for (const item of batch) item.reject(error);
          },
        )
        .finally(() => {
          options.onBatch?.(batch.length, performance.now() - began);
          running--;
          if (waiting.length) schedule();
        });
    }
  }

  function schedule(): void {
    if (waiting.length >= options.maxSize || running === 0) flush();
    else timer ??= setTimeout(flush, options.lingerMs);
  }

  return (message: PreparedMessage): Promise<IngestOutcome> =>
    new Promise((resolve, reject) => {
      waiting.push({ message, resolve, reject });
      schedule();
    });
}
