// @safetynet/classifier: bounce report -> cause, responsibility, fingerprint; incident grouping
// as a pure state-in/state-out step. Pure: no database, queue, network or file system.
export * from "./causes.js";
export { decideCause, type CauseContext } from "./decide-cause.js";
export { decideResponsible, withSuppliers, type ResponsibleEvidence } from "./decide-responsible.js";
export { FINGERPRINT_VERSION, FINGERPRINT_RECIPES, fingerprint, fingerprintParts, normaliseDiagnostic } from "./fingerprint.js";
export { classifyReport, type ClassifiedFailure, type ClassifiedReport, type ClassifyOptions } from "./classify-report.js";
export { readDateHeader, readNdrFacts, type NdrFacts } from "./read-date-header.js";
export { cleanHost, domainOf, hostMatches, normaliseHost } from "./host-pattern.js";
export { DEFAULT_RULES } from "./rules/default-rules.js";
export { withOwnDomains } from "./rules/with-own-domains.js";
export { parseRules, rulesSchema, type ResponsibilityRules, type ResponsibilityRule, type SupplierRule } from "./rules/rules-schema.js";
export * from "./grouping/settings.js";
export * from "./grouping/types.js";
export { groupFailure, tickGroup } from "./grouping/group-failure.js";
export { incidentKey, isSilenced } from "./grouping/incident-rules.js";
export { MemoryGrouper } from "./grouping/memory-grouper.js";
export { toGroupInput, failureScope } from "./grouping/to-group-input.js";
export { classifyStream, StreamClassifier, type StreamMessage, type StreamLine, type StreamOptions, type StreamEscalation } from "./classify-stream.js";
export { settingsFromConfig, INCIDENT_CONFIG_KEYS, type IncidentConfig } from "./grouping/settings-from-config.js";
