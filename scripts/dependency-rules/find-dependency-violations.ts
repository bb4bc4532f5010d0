// The dependency direction of DESIGN.md as a check: apps never import apps (except the CLI,
// the composition root), packages never import apps, pure packages import no I/O library.
export const PURE_PACKAGES = ["core", "config", "cpr", "ndr", "classifier"];

/** Modules that do I/O (network, database, queue, mail transport) or pull in one that does. */
export const IO_MODULES = [
  /^@prisma\//,
  /^prisma($|\/)/,
  /^pg($|\/)/,
  /^bullmq$/,
  /^ioredis$/,
  /^fastify($|\/)/,
  /^@fastify\//,
  /^imapflow$/,
  /^nodemailer($|\/)/,
  /^smtp-server$/,
  /^undici$/,
  /^(node:)?(net|tls|http|https|http2|dgram|child_process)$/,
  /^@safetynet\/(db|queue|notify|webhooks|testing)$/,
];

/** Pure packages must not touch the file system either (tests may read fixtures). */
const FILE_SYSTEM = /^(node:)?fs(\/promises)?$/;

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  source: string;
}

export interface Violation {
  path: string;
  specifier: string;
  rule: string;
}

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

function ownerOf(path: string): { kind: "apps" | "packages"; name: string } | null {
  const match = /^(apps|packages)\/([^/]+)\//.exec(path);
  return match ? { kind: match[1] as "apps" | "packages", name: match[2]! } : null;
}

/**
 * @param appPackages workspace package names of the apps, e.g. {"@safetynet/poller": "poller"}
 */
export function findDependencyViolations(files: SourceFile[], appPackages: Record<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const owner = ownerOf(file.path);
    if (!owner) continue;
    // Pure means the package's runtime code; its tests and dev scripts (accuracy, fixtures) may read files.
    const isRuntimeSource = /^packages\/[^/]+\/src\//.test(file.path) && !/\.test\.ts$/.test(file.path);
    for (const specifier of importSpecifiers(file.source)) {
      const importedApp =
        appPackages[specifier] ?? (/^\.\.\/(?:\.\.\/)*apps\//.test(specifier) ? specifier : undefined);
      const crossesIntoApp = /(^|\/)apps\/([^/]+)\//.exec(specifier);
      if (owner.kind === "packages" && (importedApp || crossesIntoApp)) {
        violations.push({ path: file.path, specifier, rule: "a package imports an app" });
      }
      if (owner.kind === "apps" && owner.name !== "cli" && importedApp && appPackages[specifier] !== owner.name) {
        violations.push({ path: file.path, specifier, rule: `app "${owner.name}" imports another app` });
      }
      if (owner.kind === "packages" && PURE_PACKAGES.includes(owner.name) && isRuntimeSource) {
        if (IO_MODULES.some((pattern) => pattern.test(specifier))) {
          violations.push({ path: file.path, specifier, rule: `pure package "${owner.name}" imports an I/O library` });
        } else if (owner.name !== "config" && FILE_SYSTEM.test(specifier)) {
          violations.push({ path: file.path, specifier, rule: `pure package "${owner.name}" touches the file system` });
        }
      }
    }
  }
  return violations;
}
