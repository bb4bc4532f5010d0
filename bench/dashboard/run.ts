// Benchmark: first load of the failure list in Chromium over 1 million failures, through the real
// API (its start(), on a free port) and PostgreSQL. From the repository root:
//   npx tsx bench/dashboard/run.ts [--count 1000000] [--runs 5]
// Each run opens a fresh tab of a signed-in browser at /failures and reports, from navigation start:
//   list API   the GET /api/failures answer (first page of 50 + the total over every match);
//   first row  the table's first row in the DOM (what a person sees);
//   interactive  the first row is there, the main thread went idle, and a click on "next page"
//              was handled (its URL changed): time to interactive as a person experiences it.
import { start } from "@safetynet/api";
import { createLogger } from "@safetynet/config";
import { createTestDatabase, createTestRedis } from "@safetynet/testing";
import { buildDashboard } from "../../e2e/src/build-dashboard.js";
import { launchBrowser, signIn } from "../../e2e/src/dashboard-browser.js";
import { seedMillionFailures } from "./seed-million-failures.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const count = option("count", 1_000_000);
const runs = option("runs", 5);
const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

buildDashboard();
const database = await createTestDatabase();
const redis = createTestRedis();
const seedStart = performance.now();
await seedMillionFailures(database.db, count);
process.stdout.write(
  `seeded ${count.toLocaleString("en")} failures in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
);
const api = await start({
  env: {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SAFETYNET_KEY: Buffer.alloc(32, 3).toString("base64"),
    ADMIN_TOKEN,
    API_HOST: "127.0.0.1",
  },
  port: 0,
  redisPrefix: redis.prefix,
  rateLimit: false,
  logger: createLogger({ level: "silent" }),
});
const baseUrl = api.url;
const browser = await launchBrowser();
try {
  const signedIn = await signIn(browser, baseUrl, ADMIN_TOKEN, "/today");
  const context = signedIn.context();
  const results: { api: number; firstRow: number; interactive: number; total: string }[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    await page.goto("/failures", { waitUntil: "commit" });
    await page.waitForSelector("tbody tr", { timeout: 60_000 });
    const firstRow = await page.evaluate(() => performance.now());
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));
    await page.click("nav.pager button:nth-of-type(2)");
    await page.waitForURL(/cursor=/);
    const interactive = await page.evaluate(() => performance.now());
    const total = (await page.textContent('[data-testid="total"]')) ?? "?";
    // When the list's answer arrived, on the same clock (navigation start = 0).
    const apiEnd = await page.evaluate(() => {
      const entry = performance.getEntriesByType("resource").find((e) => /\/api\/failures\?/.test(e.name)) as
        | PerformanceResourceTiming
        | undefined;
      return entry ? entry.responseEnd : Number.NaN;
    });
    results.push({ api: apiEnd, firstRow, interactive, total });
    process.stdout.write(
      `run ${run + 1}: list API answered ${results.at(-1)!.api.toFixed(0)} ms, first row ${firstRow.toFixed(0)} ms, interactive ${interactive.toFixed(0)} ms (total shown: ${total})\n`,
    );
    await page.close();
  }
  process.stdout.write(
    `failure list over ${count.toLocaleString("en")} failures, median of ${runs}: list API ${median(results.map((r) => r.api)).toFixed(0)} ms, first row ${median(results.map((r) => r.firstRow)).toFixed(0)} ms, time to interactive ${median(results.map((r) => r.interactive)).toFixed(0)} ms\n`,
  );
} finally {
  await browser.close();
  await api.stop();
  await redis.cleanup();
  await database.drop();
}
