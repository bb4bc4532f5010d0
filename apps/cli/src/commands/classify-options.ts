// What the classify command's engine runs with, as the worker has it: the responsibility rules
// (--rules FILE or RESPONSIBILITY_RULES), the INCIDENT_* grouping settings, staff's silences.
import { readFile } from "node:fs/promises";
import {
  DEFAULT_RULES,
  INCIDENT_CONFIG_KEYS,
  parseRules,
  type StreamOptions,
  settingsFromConfig,
  withOwnDomains,
} from "@safetynet/classifier";
import { loadConfig } from "@safetynet/config";
import { readSilencesFile } from "./classify-silences.js";

export interface ClassifyFiles {
  rules?: string | undefined;
  silences?: string | undefined;
}

export async function loadStreamOptions(files: ClassifyFiles): Promise<StreamOptions> {
  const config = loadConfig([...INCIDENT_CONFIG_KEYS, "RESPONSIBILITY_RULES", "INTERNAL_DOMAINS"]);
  const rulesFile = files.rules ?? config.RESPONSIBILITY_RULES;
  const rules = withOwnDomains(
    rulesFile ? parseRules(JSON.parse(await readFile(rulesFile, "utf8"))) : DEFAULT_RULES,
    config.INTERNAL_DOMAINS,
  );
  const silences = files.silences ? await readSilencesFile(files.silences) : new Map<string, number[]>();
  return { rules, settings: settingsFromConfig(config), silences };
}
