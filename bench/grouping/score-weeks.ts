// Pairwise incident F1 of the classify engine over scenario weeks with known answers (the same
// measure the held-back week is judged by), per scenario and per whole week.
//   npx tsx bench/grouping/score-weeks.ts [--weeks N]
import { parseArgs } from "node:util";
import {
  classifyStream,
  DEFAULT_GROUP_SETTINGS,
  DEFAULT_RULES,
  type StreamLine,
} from "../../packages/classifier/src/index.js";
import * as scenarios from "../../packages/classifier/src/test-support/index.js";
import {
  f1,
  pairwise,
  SCENARIO_SUPPLIERS,
  type ScenarioMessage,
  scenarioWeek,
} from "../../packages/classifier/src/test-support/index.js";

const { values } = parseArgs({ options: { weeks: { type: "string", default: "5" } } });
const weeks = Number(values.weeks);
const rules = { ...DEFAULT_RULES, suppliers: SCENARIO_SUPPLIERS };

function incidents(messages: readonly ScenarioMessage[]): (string | null)[] {
  const lines = classifyStream(
    messages.map((item) => ({ file: `${item.name}.eml`, index: 0, bytes: Buffer.from(item.raw) })),
    { rules, settings: DEFAULT_GROUP_SETTINGS },
  );
  return lines.map((line: StreamLine) => ("incident" in line ? line.incident : null));
}

const format = (value: number) => value.toFixed(3);
const line = (label: string, messages: readonly ScenarioMessage[]) => {
  const score = pairwise(
    messages.map((item) => item.group),
    incidents(messages),
  );
  process.stdout.write(
    `${label.padEnd(18)} ${String(messages.length).padStart(4)} NDRs  precision ${format(score.precision)}  recall ${format(score.recall)}  F1 ${format(f1(score))}\n`,
  );
  return f1(score);
};
const alone: Record<string, () => ScenarioMessage[]> = {
  cprWeek: () => scenarios.cprWeek(),
  tlsRefusal: () => scenarios.tlsRefusal(),
  gatewayDown: () => scenarios.gatewayDown(),
  flapping: () => scenarios.flapping(),
  recurring: () => scenarios.recurring(),
  relayDown: () => scenarios.relayDown(),
  ownGatewayDown: () => scenarios.ownGatewayDown(),
  twoSuppliersDown: () => scenarios.twoSuppliersDown(),
  sharedMailboxFull: () => scenarios.sharedMailboxFull(),
  twoDomainsDown: () => scenarios.twoDomainsDown(),
};
for (const [name, make] of Object.entries(alone)) line(name, make());
let worst = 1;
for (let seed = 1; seed <= weeks; seed++) {
  worst = Math.min(worst, line(`week ${seed}`, scenarioWeek(seed)));
}
process.stdout.write(`lowest F1 over ${weeks} weeks: ${format(worst)} (goal >= 0.950)\n`);
