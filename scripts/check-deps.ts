// `npm run lint:deps`: fails when an import breaks the dependency direction of DESIGN.md.
//   tsx scripts/check-deps.ts [ROOT]
import path from "node:path";
import { findDependencyViolations } from "./dependency-rules/find-dependency-violations.js";
import { readAppPackages, readSources } from "./dependency-rules/read-workspace.js";

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));
const violations = findDependencyViolations(readSources(root), readAppPackages(root));
for (const violation of violations) {
  process.stderr.write(`${violation.path}: imports "${violation.specifier}": ${violation.rule}\n`);
}
if (violations.length) {
  process.stderr.write(`dependency check: ${violations.length} violation(s)\n`);
  process.exit(1);
}
process.stdout.write("dependency check: ok\n");
