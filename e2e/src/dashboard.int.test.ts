// The triage dashboard end to end: Debian's Chromium against the real API (its own entry point,
// listening on a free port) over a real, seeded PostgreSQL database. Screenshots of every page
// land in .run/screenshots for review.
import { readFileSync } from "node:fs";
import { type ApiHandle, start } from "@safetynet/api";
import { createLogger } from "@safetynet/config";
import { useTestServices } from "@safetynet/testing/hooks";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "./build-dashboard.js";
import { checkAccessibility } from "./check-accessibility.js";
import { launchBrowser, screenshot, settled, signIn } from "./dashboard-browser.js";
import { type SeededData, seedTriageData } from "./seed-triage-data.js";

const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";
const KEY = Buffer.alloc(32, 9).toString("base64");

const PAGES = [
  "/today",
  "/failures",
  "/failures/f-0007",
  "/incidents",
  "/reports",
  "/quarantine",
  "/mailboxes",
  "/suppliers",
  "/staff",
  "/tokens",
  "/canary",
];

// A browser is slower than the API's own tests, more so while the rest of the suite runs beside it.
describe("the triage dashboard in Chromium", { timeout: 180_000 }, () => {
  const services = useTestServices();
  let api: ApiHandle;
  let baseUrl = "";
  let browser: Browser;
  let seeded: SeededData;
  const tokens = { viewer: "", triager: "", admin: ADMIN_TOKEN };
  let triager: Page;
  /** The failure the triage test flags as a serious risk with a note. */
  let seriousId = "";

  const failureRow = (id: string) =>
    services.database.db.failure.findUniqueOrThrow({
      where: { id },
      select: { outcome: true, serious: true, note: true },
    });

  beforeAll(async () => {
    buildDashboard();
    seeded = await seedTriageData(services.database.db);
    api = await start({
      env: {
        DATABASE_URL: services.database.url,
        REDIS_URL: services.redis.url,
        SAFETYNET_KEY: KEY,
        ADMIN_TOKEN,
        API_HOST: "127.0.0.1",
      },
      port: 0,
      redisPrefix: services.redis.prefix,
      rateLimit: false,
      logger: createLogger({ level: "silent" }),
    });
    baseUrl = api.url;
    for (const role of ["viewer", "triager"] as const) {
      const response = await fetch(`${baseUrl}/api/tokens`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `e2e ${role}`, role }),
      });
      expect(response.status).toBe(201);
      tokens[role] = ((await response.json()) as { token: string }).token;
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it("signed out, every page shows the log-in form: one password field and a submit button", async () => {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    for (const path of ["/", "/failures", "/failures/f-0001", "/reports?x=1", "/tokens"]) {
      await page.goto(path);
      await page.waitForSelector('input[type="password"]');
      expect(await page.locator("input").count()).toBe(1);
      expect(await page.locator('input[type="password"]').count()).toBe(1);
      expect(await page.locator('button[type="submit"]').count()).toBe(1);
    }
    expect(await page.getAttribute("html", "lang")).toBe("da");
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, "login");
    await page.fill('input[type="password"]', "not-a-token-at-all-0000");
    await page.click('button[type="submit"]');
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain("Nøglen blev ikke godkendt");
    await context.close();
  });

  it("a triager logs in, filters the list, and the filter lives in the URL", async () => {
    triager = await signIn(browser, baseUrl, tokens.triager, "/failures");
    expect(new URL(triager.url()).pathname).toBe("/failures");
    expect(await triager.textContent('[data-testid="total"]')).toBe(String(seeded.failures.length));
    await triager.selectOption("#filter-reason", "userunknown");
    await triager.click('form.filters button[type="submit"]');
    await triager.waitForURL(/reason=userunknown/);
    await settled(triager);
    const expected = seeded.failures.filter((failure) => failure.reason === "userunknown").length;
    expect(await triager.textContent('[data-testid="total"]')).toBe(String(expected));
    // The address alone reproduces the view (shared link, reload).
    await triager.reload();
    await settled(triager);
    expect(await triager.textContent('[data-testid="total"]')).toBe(String(expected));
    expect(await triager.inputValue("#filter-reason")).toBe("userunknown");
    // Sorting is in the URL too.
    await triager.click('th button.sort:has-text("Sendt")');
    await triager.waitForURL(/sort=-sentAt/);
    await settled(triager);
    expect(await triager.getAttribute('th:has(button:has-text("Sendt"))', "aria-sort")).toBe("descending");
  });

  it("opens a failure with its masked fields and timeline, and sets outcome, serious risk and a note", async () => {
    await triager.goto("/failures?reason=userunknown");
    await settled(triager);
    const id = await triager.getAttribute("tbody tr >> nth=0", "data-id");
    expect(id).toBeTruthy();
    await triager.click("tbody tr >> nth=0 >> a");
    await triager.waitForURL(`**/failures/${id}`);
    await settled(triager);
    const text = (await triager.textContent("main")) ?? "";
    expect(text).toContain("0102XX-XXXX");
    expect(text).not.toMatch(/\d{6}-\d{4}/);
    expect(await triager.locator("ol.timeline li").count()).toBeGreaterThan(0);
    await triager.selectOption("#outcome", "resent");
    await triager.check("#serious");
    await triager.fill("#note", "Sendt igen uden CPR i emnet");
    await triager.click('form.triage button[type="submit"]');
    await triager.waitForSelector('form.triage [role="status"]');
    expect(await failureRow(id!)).toEqual({ outcome: "resent", serious: true, note: "Sendt igen uden CPR i emnet" });
    seriousId = id!;
    await settled(triager);
    expect(await triager.textContent('[data-testid="outcome"]')).toBe("Sendt igen");
  });

  it("bulk-updates a selection made across two pages", async () => {
    await triager.goto("/failures");
    await settled(triager);
    const picked: string[] = [];
    for (const row of [0, 3]) {
      picked.push((await triager.getAttribute(`tbody tr >> nth=${row}`, "data-id"))!);
      await triager.check(`tbody tr >> nth=${row} >> input[type="checkbox"]`);
    }
    await triager.click('nav.pager button:has-text("Næste side")');
    await triager.waitForURL(/cursor=/);
    await settled(triager);
    for (const row of [1, 2]) {
      picked.push((await triager.getAttribute(`tbody tr >> nth=${row}`, "data-id"))!);
      await triager.check(`tbody tr >> nth=${row} >> input[type="checkbox"]`);
    }
    expect(new Set(picked).size).toBe(4);
    expect(await triager.textContent("fieldset.bulk legend")).toContain("4");
    await triager.selectOption("#bulk-outcome", "not-contacted");
    await triager.click('fieldset.bulk button:has-text("Anvend")');
    await triager.waitForSelector('fieldset.bulk [role="status"]');
    expect(await triager.textContent('fieldset.bulk [role="status"]')).toContain("4");
    for (const id of picked) expect((await failureRow(id)).outcome).toBe("not_contacted");
  });

  it("shows what arrived since the last check and records today's check", async () => {
    await triager.goto("/today");
    await settled(triager);
    const fresh = seeded.failures.filter((failure) => failure.fresh).length;
    expect(await triager.textContent('[data-testid="today-total"]')).toBe(String(fresh));
    const main = (await triager.textContent("main")) ?? "";
    expect(main).toContain("gw-down-1");
    expect(main).toContain("550 5.1.1 mailbox unavailable");
    await triager.fill("#check-note", "Seks fejl fra gatewayen; leverandøren er kontaktet");
    await triager.click('form.record-check button[type="submit"]');
    await triager.waitForSelector('form.record-check [role="status"]');
    const checks = await services.database.db.dailyCheck.findMany({ orderBy: { createdAt: "asc" } });
    expect(checks.at(-1)?.note).toBe("Seks fejl fra gatewayen; leverandøren er kontaktet");
  });

  it("lists the open incident, shows its growth, and acknowledges it", async () => {
    await triager.goto("/incidents");
    await settled(triager);
    const incident = triager.locator("li.incident", { hasText: "gw-down-1" });
    await incident.locator('button:has-text("Vis detaljer")').click();
    await incident.locator("figure.chart svg rect.bar").first().waitFor();
    await incident.locator('button:has-text("Kvittér")').click();
    await triager.waitForFunction(() => !document.querySelector('li.incident button[aria-busy="true"]'));
    await settled(triager);
    const row = await services.database.db.incident.findUniqueOrThrow({ where: { id: seeded.incidentId } });
    expect(row.status).toBe("acknowledged");
    expect(row.acknowledgedBy).toBe("e2e triager");
  });

  it("shows the yearly and outcome tables as the report printed them, and downloads them as CSV", async () => {
    await triager.goto("/reports");
    await settled(triager);
    const perYear = new Map<number, number>();
    for (const failure of seeded.failures) perYear.set(failure.year, (perYear.get(failure.year) ?? 0) + 1);
    const rows = await triager.$$eval('[data-testid="yearly-table"] tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent ?? ""]),
    );
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries([...perYear].map(([year, count]) => [String(year), String(count)])),
    );
    expect(await triager.locator('[data-testid="outcomes-table"] tbody tr').count()).toBe(perYear.size);
    expect(await triager.locator("figure.chart svg rect.bar").count()).toBeGreaterThan(perYear.size);
    const [download] = await Promise.all([
      triager.waitForEvent("download"),
      triager.click('a.button:has-text("Hent CSV: Fejlede mails pr. år")'),
    ]);
    // The API's report CSV: what a Danish spreadsheet opens (';', a total row).
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("year;count");
    expect(lines).toContain(`2019;${perYear.get(2019)}`);
    expect(lines.at(-1)).toBe(`total;${seeded.failures.length}`);
  });

  it("shows the serious cases with their notes and the tables per cause, responsible, department and domain", async () => {
    await triager.goto("/reports");
    await settled(triager);
    const total = seeded.failures.length;
    // Table 3: the one failure the triage test flagged, with its note, linked to its detail.
    const serious = triager.locator('[data-testid="serious-table"] tbody tr');
    expect(await serious.count()).toBe(1);
    expect(await serious.first().getAttribute("data-id")).toBe(seriousId);
    expect(await serious.first().textContent()).toContain("Sendt igen uden CPR i emnet");
    expect(await serious.first().locator(`a[href="/failures/${seriousId}"]`).count()).toBe(1);
    const table = (name: string) =>
      triager.$$eval(`[data-testid="${name}-table"] tbody tr`, (trs) =>
        Object.fromEntries(
          trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent ?? ""]),
        ),
      );
    const perCause = new Map<string, number>();
    for (const failure of seeded.failures) perCause.set(failure.cause, (perCause.get(failure.cause) ?? 0) + 1);
    expect(await table("cause")).toEqual(
      Object.fromEntries([...perCause].map(([cause, count]) => [cause, String(count)])),
    );
    expect(await table("recipient-domain")).toEqual({ "politi.example": String(total) });
    // Only sagsbehandler0 is in the staff directory; every fifth failure is theirs.
    const department = await table("department");
    expect(department["Børn og unge"]).toBe(
      String(seeded.failures.filter((f) => Number(f.id.slice(2)) % 5 === 0).length),
    );
    expect(Number(department["Børn og unge"]) + Number(department["(ukendt)"])).toBe(total);
    const responsible = await table("responsible");
    expect(Object.values(responsible).reduce((sum, count) => sum + Number(count), 0)).toBe(total);
    // A readable chart per breakdown with more than one row: one labelled bar per cause.
    const causeChart = triager.locator('.report:has([data-testid="cause-table"]) figure.chart');
    expect(await causeChart.locator("rect.bar").count()).toBe(perCause.size);
    expect(await causeChart.locator("svg").getAttribute("aria-label")).toBe("Søjlediagram: Fejlede mails pr. årsag");
    // Each table's CSV is the API's own file, straight from a link.
    for (const [label, header, last] of [
      ["Fejlede mails pr. årsag", "cause;count;share", `total;${total};100`],
      ["Alvorlige sager", "id;year;sentAt;cause;sender;recipientDomain;outcome;note", `total;1;;;;;;`],
    ] as const) {
      const [download] = await Promise.all([
        triager.waitForEvent("download"),
        triager.click(`a.button:has-text("Hent CSV: ${label}")`),
      ]);
      const lines = readFileSync((await download.path())!, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe(header);
      expect(lines.at(-1)).toBe(last);
    }
    await screenshot(triager, "reports-breakdowns");
  });

  it("exports every failure the filter matches as CSV, not just the page on screen", async () => {
    await triager.goto("/failures?cause=cpr-in-subject");
    await settled(triager);
    const expected = seeded.failures.filter((failure) => failure.cause === "cpr-in-subject").length;
    // A link to the API's own CSV (streamed by the API, saved by the browser), with the list's filter.
    const link = triager.locator('a.button:has-text("Hent CSV")');
    const href = new URL((await link.getAttribute("href"))!, baseUrl);
    expect(href.pathname).toBe("/api/failures");
    expect(href.searchParams.get("cause")).toBe("cpr-in-subject");
    expect(href.searchParams.get("format")).toBe("csv");
    let pagedJson = 0;
    triager.on("request", (request) => {
      if (request.url().includes("/api/failures?") && !request.url().includes("format=csv")) pagedJson++;
    });
    const [download] = await Promise.all([triager.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("safetynet-failures.csv");
    const lines = readFileSync((await download.path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBe(expected + 1);
    expect(lines[0]).toContain(";");
    expect(lines.slice(1).every((line) => line.includes("cpr-in-subject"))).toBe(true);
    expect(pagedJson).toBe(0);
  });

  it("an admin pauses, resumes and adds a mailbox through the API's mailbox routes", async () => {
    const admin = await signIn(browser, baseUrl, tokens.admin, "/mailboxes");
    await settled(admin);
    const mailbox = () => services.database.db.mailbox.findUniqueOrThrow({ where: { name: "sikkerhedsnet" } });
    const row = admin.locator("tbody tr", { hasText: "sikkerhedsnet" });
    expect((await mailbox()).status).toBe("active");
    await row.locator('button:has-text("Sæt på pause")').click();
    await row.locator('button:has-text("Genoptag")').waitFor();
    expect((await mailbox()).status).toBe("paused");
    expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("paused");
    await row.locator('button:has-text("Genoptag")').click();
    await row.locator('button:has-text("Sæt på pause")').waitFor();
    expect((await mailbox()).status).toBe("active");
    // Adding one: server, user and password apart; the API stores the URL without credentials.
    await admin.fill("#mailbox-name", "borgerservice");
    await admin.fill("#mailbox-server", "imaps://mail.kommune.example:993/INBOX");
    await admin.fill("#mailbox-user", "borgerservice@kommune.example");
    await admin.fill("#mailbox-password", "hemmelig:kode@1");
    await admin.selectOption("#mailbox-mark", "keyword");
    await admin.click('form.add-mailbox button[type="submit"]');
    await admin.waitForSelector('form.add-mailbox [role="status"]');
    await admin.locator("tbody tr", { hasText: "borgerservice" }).waitFor();
    const added = await services.database.db.mailbox.findUniqueOrThrow({ where: { name: "borgerservice" } });
    expect(added).toMatchObject({ origin: "api", markMode: "keyword", status: "active" });
    expect(added.url).not.toContain("hemmelig");
    expect(new URL(added.url).host).toBe("mail.kommune.example:993");
    expect(added.credentials).not.toBeNull();
    expect(Buffer.from(added.credentials!).toString("latin1")).not.toContain("hemmelig"); // sealed
    expect(await admin.inputValue("#mailbox-password")).toBe("");
    // A server address that is not imap(s) never reaches the API.
    await admin.fill("#mailbox-name", "forkert");
    await admin.fill("#mailbox-server", "https://mail.kommune.example/INBOX");
    await admin.fill("#mailbox-user", "x");
    await admin.fill("#mailbox-password", "y");
    await admin.click('form.add-mailbox button[type="submit"]');
    await admin.waitForSelector('form.add-mailbox [role="alert"]');
    expect(await services.database.db.mailbox.count({ where: { name: "forkert" } })).toBe(0);
    expect(await checkAccessibility(admin)).toEqual([]);
    await screenshot(admin, "mailboxes-admin");
    await admin.context().close();
  });

  it("a viewer sees no edit controls, and the API refuses an edit from the viewer's session", async () => {
    const viewer = await signIn(browser, baseUrl, tokens.viewer, "/failures");
    expect(await viewer.locator('input[type="checkbox"]').count()).toBe(0);
    expect(await viewer.locator("fieldset.bulk").count()).toBe(0);
    await viewer.goto("/failures/f-0002");
    await settled(viewer);
    expect(await viewer.locator("form.triage").count()).toBe(0);
    await viewer.goto("/today");
    await settled(viewer);
    expect(await viewer.locator("form.record-check").count()).toBe(0);
    await viewer.goto("/incidents");
    await settled(viewer);
    expect(await viewer.locator('button:has-text("Kvittér")').count()).toBe(0);
    expect(await viewer.locator('nav.menu a[href="/tokens"]').count()).toBe(0);
    await viewer.goto("/mailboxes");
    await settled(viewer);
    expect(await viewer.locator("tbody tr", { hasText: "sikkerhedsnet" }).count()).toBe(1);
    expect(await viewer.locator("main button, main form").count()).toBe(0);
    const status = await viewer.evaluate(async () => {
      const session = await (await fetch("/api/session")).json();
      const response = await fetch("/api/failures/f-0002", {
        method: "PATCH",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({ outcome: "resent" }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await screenshot(viewer, "viewer-incidents");
    await viewer.context().close();
  });

  it("every page loads with no serious or critical accessibility violations (axe), in Danish and English", async () => {
    const admin = await signIn(browser, baseUrl, tokens.admin);
    // Every page is visited and photographed before the one assertion, so a run shows all problems.
    const findings: Record<string, unknown> = {};
    for (const path of PAGES) {
      await admin.goto(path);
      await settled(admin);
      const errors = await admin.locator('[role="alert"]').allTextContents();
      const violations = await checkAccessibility(admin);
      if (errors.length || violations.length) findings[path] = { errors, violations };
      await screenshot(admin, path.slice(1).replaceAll("/", "-"));
    }
    expect(findings).toEqual({});
    await admin.goto("/canary");
    await settled(admin);
    expect(await admin.textContent("main")).toContain("the probe's report did not come back within 30 minutes");
    expect(await admin.textContent("main")).toContain("41.0 s");
    await admin.click('header button:has-text("English")');
    await admin.waitForFunction(() => document.documentElement.lang === "en");
    await admin.goto("/failures");
    await settled(admin);
    expect(await admin.textContent("h1")).toBe("Failures");
    expect(await checkAccessibility(admin)).toEqual([]);
    await screenshot(admin, "failures-en");
    await admin.context().close();
  });

  it("logs out: the session ends and every page asks for the token again", async () => {
    await triager.click('header button:has-text("Log ud")');
    await triager.waitForSelector('input[type="password"]');
    await triager.goto("/failures");
    await triager.waitForSelector('input[type="password"]');
    expect(await triager.locator("nav.menu").count()).toBe(0);
    await triager.context().close();
  });
});
