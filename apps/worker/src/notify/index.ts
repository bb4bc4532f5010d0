// The worker's notify processor, wired into the worker by apps/worker/src/index.ts:
//   new Worker(QUEUE_NAMES.notify, createNotifyProcessor({ db, transport, config, logger }), {...})
export { createNotifyProcessor, type NotifyProcessor } from "./create-notify-processor.js";
export { NOTIFY_CONFIG_KEYS, type NotifyConfig, type NotifyDeps } from "./notify-context.js";
export { notifyFailure } from "./notify-failure.js";
export { NOTIFY_WORKER_OPTIONS } from "./notify-worker-options.js";
