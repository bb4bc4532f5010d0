// Applies one planned fault to the private stack or the product's processes and brings the
// service back after its down time. Returns when the service is up again (its port open, or the
// process started); the product has to notice and recover by itself.
import { waitForPort } from "@safetynet/testing";
import type { PlannedFault } from "./chaos-plan.js";
import type { PrivateStack } from "./private-stack.js";
import type { ServiceProcesses } from "./service-processes.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function applyFault(
  planned: PlannedFault,
  stack: PrivateStack,
  processes: ServiceProcesses,
): Promise<void> {
  switch (planned.fault) {
    case "worker-sigkill":
    case "poller-sigkill": {
      const component = planned.fault === "worker-sigkill" ? "worker" : "poller";
      await processes.kill(component);
      await pause(planned.downMs);
      processes.start(component);
      return;
    }
    case "redis-restart":
    case "redis-wipe":
      await stack.redis.stop();
      if (planned.fault === "redis-wipe") stack.redis.wipe();
      await pause(planned.downMs);
      await stack.redis.start();
      return;
    case "postgres-restart":
      await stack.postgres.stop(planned.postgresMode);
      await pause(planned.downMs);
      await stack.postgres.start();
      return;
    case "dovecot-restart":
      await stack.dovecot.stop();
      await waitForPort(stack.dovecot.user.port, false);
      await pause(planned.downMs);
      await stack.dovecot.start();
      return;
  }
}
