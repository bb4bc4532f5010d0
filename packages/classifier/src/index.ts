// @safetynet/classifier: bounce report -> cause, responsibility, fingerprint; incident grouping
// as a pure state-in/state-out step. Pure: no database, queue, network or file system.
export * from "./causes.js";
export {
  type ClassifiedFailure,
  type ClassifiedReport,
  type ClassifyOptions,
  classifyReport,
} from "./classify-report.js";
export {
  classifyStream,
  StreamClassifier,
  type StreamEscalation,
  type StreamLine,
  type StreamMessage,
  type StreamOptions,
} from "./classify-stream.js";
export { type CauseContext, decideCause } from "./decide-cause.js";
export { decideResponsible, type ResponsibleEvidence, withSuppliers } from "./decide-responsible.js";
export {
  FINGERPRINT_RECIPES,
  FINGERPRINT_VERSION,
  fingerprint,
  fingerprintParts,
  normaliseDiagnostic,
} from "./fingerprint.js";
export { groupFailure, tickGroup } from "./grouping/group-failure.js";
export { incidentKey, isSilenced, isStillRunning, timeChangeCutoffs } from "./grouping/incident-rules.js";
export { MemoryGrouper } from "./grouping/memory-grouper.js";
export * from "./grouping/settings.js";
export { INCIDENT_CONFIG_KEYS, type IncidentConfig, settingsFromConfig } from "./grouping/settings-from-config.js";
export { failureScope, toGroupInput } from "./grouping/to-group-input.js";
export * from "./grouping/types.js";
export { cleanHost, domainOf, hostMatches, normaliseHost } from "./host-pattern.js";
export { type NdrFacts, readDateHeader, readNdrFacts } from "./read-ndr-facts.js";
export { DEFAULT_RULES } from "./rules/default-rules.js";
export {
  parseRules,
  type ResponsibilityRule,
  type ResponsibilityRules,
  rulesSchema,
  type SupplierRule,
} from "./rules/rules-schema.js";
export { withOwnDomains } from "./rules/with-own-domains.js";
