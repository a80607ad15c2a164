#!/usr/bin/env node
// node html-check.mjs REPORT.html [EXPECTED_TEAMS] [PERSON]
// Opens charterlint's HTML report in headless Debian Chromium (playwright-core) from
// file:// and checks:
//  1. no console error, no page error, no request other than file: or data: (any
//     other is aborted and counted);
//  2. the heatmap renders: "#heatmap-count" reads "M of M teams", M = EXPECTED_TEAMS
//     if given, and the DOM holds one page of rows, not every team; each row's name
//     is the team's name as written (nothing in the data was read as markup);
//  3. with PERSON: typing it into the person filter leaves 1 <= N < M teams, each
//     holding a role held by someone of that name, and every team of that person;
//  4. clicking the first row shows that team's matrix and findings in #team-detail;
//  5. when the page carries server-rendered teams, it shows the verdict, each team's
//     matrix and findings and the loads with JavaScript disabled too.
// Prints the load time (navigation start and DOMContentLoaded to heatmap rendered)
// and the filter time, writes REPORT.html.png (full page), REPORT.html.detail.png
// (the team detail after the click) and, for 5., REPORT.html.nojs.png beside the
// report or into $SCREENSHOT_DIR. Exit 1 on a failed check, 2 on a setup problem.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const [report, expectedArg, person] = process.argv.slice(2);
if (!report) { console.error("usage: html-check.mjs REPORT.html [EXPECTED_TEAMS] [PERSON]"); process.exit(2); }
const file = path.resolve(report);
const url = pathToFileURL(file).href;
const shots = process.env.SCREENSHOT_DIR ? path.resolve(process.env.SCREENSHOT_DIR) : path.dirname(file);
const shot = (suffix) => path.join(shots, path.basename(file) + suffix);
const expected = expectedArg ? Number(expectedArg) : null;
let bad = 0;
const fail = (s) => (bad++, console.log(`${report}: FAIL ${s}`));
const note = (s) => console.log(`${report}: ${s}`);

// The embedded data, read the way the page reads it, to compare the page against.
const html = readFileSync(file, "utf8");
const m = /<script type="application\/(json|octet-stream)" id="charterlint-data"( data-encoding="gzip\+base64")?>([\s\S]*?)<\/script>/.exec(html);
if (!m) { console.error(`${report}: no #charterlint-data script`); process.exit(1); }
const data = JSON.parse(m[2] ? gunzipSync(Buffer.from(m[3].trim(), "base64")).toString("utf8") : m[3]);
const teams = data.teams || [];
data.loads = data.loads || [];
data.columns = data.columns || [];
const staticTeams = (html.match(/<section class="team" id="team-\d+"/g) || []).length;

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const dirs = [];
async function open(javaScriptEnabled) {
  const dir = mkdtempSync(path.join(tmpdir(), "charterlint-chromium-"));
  dirs.push(dir);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS,
    viewport: { width: 1360, height: 900 }, javaScriptEnabled,
  });
  const tag = javaScriptEnabled ? "" : " (no JS)";
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:")) return route.continue();
    fail(`network request${tag}: ${u}`);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (msg) => { if (msg.type() === "error") fail(`console error${tag}: ${msg.text()}`); });
  page.on("pageerror", (e) => fail(`page error${tag}: ${e.message}`));
  return { context, page };
}

const countOf = (page) => page.$eval("#heatmap-count", (e) => e.textContent.trim());
const parseCount = (s) => { const c = /^(\d+) of (\d+) teams?$/.exec(s); return c ? [Number(c[1]), Number(c[2])] : null; };
const rowsOf = (page) => page.$$eval("#heatmap tr.team-row", (rows) => rows.map((r) => ({
  team: r.getAttribute("data-team"), i: Number(r.getAttribute("data-i")),
  shown: r.querySelector("th a, th").textContent,
})));

// Sets a filter input as typing does and measures, in the page, the time from the input
// event to the new count (the page waits 60 ms for the next keystroke first).
const filterTime = (page, selector, value) => page.evaluate(([selector, value]) => new Promise((done) => {
  const input = document.querySelector(selector), count = document.querySelector("#heatmap-count");
  const started = performance.now();
  const watch = new MutationObserver(() => { watch.disconnect(); done(Math.round(performance.now() - started)); });
  watch.observe(count, { childList: true, characterData: true, subtree: true });
  setTimeout(() => { watch.disconnect(); done(-1); }, 10000);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}), [selector, value]);

async function withJs() {
  const { context, page } = await open(true);
  try {
    await page.goto(url, { waitUntil: "domcontentloaded" });
    await page.waitForSelector("#heatmap[data-rendered]", { state: "attached", timeout: 60000 });
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { dcl: n.domContentLoadedEventStart, rendered: window.charterlintRendered };
    });
    note(`load: heatmap rendered ${Math.round(t.rendered)} ms after navigation start, ` +
      `${Math.round(t.rendered - t.dcl)} ms after DOMContentLoaded (${(html.length / 1e6).toFixed(2)} MB)`);

    const all = parseCount(await countOf(page));
    if (!all) fail(`heatmap count reads ${JSON.stringify(await countOf(page))}, not "N of M teams"`);
    else {
      if (all[0] !== all[1]) fail(`heatmap count before filtering is ${all[0]} of ${all[1]}`);
      if (all[1] !== teams.length) fail(`heatmap count says ${all[1]} teams, the data holds ${teams.length}`);
      if (expected !== null && all[1] !== expected) fail(`heatmap count says ${all[1]} teams, expected ${expected}`);
    }
    const rows = await rowsOf(page);
    if (teams.length && !rows.length) fail("the heatmap shows no row");
    if (rows.length > 500 || (teams.length > 500 && rows.length >= teams.length)) fail(`the heatmap holds ${rows.length} rows at once`);
    rows.forEach((r, k) => {
      const t = teams[r.i];
      if (!t) return fail(`row ${k + 1} has no team behind it (data-i ${r.i})`);
      if (r.team !== t.team || r.shown !== t.team) fail(`row ${k + 1} shows ${JSON.stringify(r.shown)} for team ${JSON.stringify(t.team)}`);
    });
    const foreign = await page.evaluate(() => document.querySelectorAll("img, iframe, object, embed").length + Math.max(0, document.scripts.length - 3));
    if (foreign) fail(`${foreign} element(s) the report does not write (data read as markup?)`);
    const cols = await page.$$eval("#heatmap thead th.rc", (th) => th.length);
    if (cols !== data.columns.length) fail(`${cols} responsibility columns, the data has ${data.columns.length}`);
    if (!(await page.isVisible("#loads")) && data.loads.length) fail("no #loads chart");

    if (person) {
      const took = await filterTime(page, "#f-person", person);
      const c = parseCount(await countOf(page));
      const q = person.toLowerCase();
      const exact = teams.filter((t) => t.people.includes(person)).length;
      note(`person filter ${JSON.stringify(person)}: ${c ? c[0] : "?"} of ${c ? c[1] : "?"} teams in ${took} ms (${exact} with that exact name)`);
      if (!c || !(c[0] >= 1 && c[0] < c[1])) fail(`the person filter leaves ${c ? c[0] : "?"} of ${c ? c[1] : "?"} teams`);
      else if (c[0] < exact) fail(`the person filter shows ${c[0]} teams, the person is in ${exact}`);
      for (const r of await rowsOf(page)) {
        const t = teams[r.i];
        if (!t || !t.people.some((p) => p.toLowerCase().includes(q))) fail(`team ${JSON.stringify(r.team)} is shown for ${JSON.stringify(person)} without that person`);
      }
      await filterTime(page, "#f-person", "");
      const back = parseCount(await countOf(page));
      if (!back || back[0] !== teams.length) fail("clearing the person filter does not bring every team back");
    }
    if (teams.length > 1) {
      const q = teams[teams.length - 1].team.split(" ")[0];
      const took = await filterTime(page, "#f-team", q);
      note(`team filter ${JSON.stringify(q)}: ${await countOf(page)} in ${took} ms`);
      await filterTime(page, "#f-team", "");
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot(".png"), fullPage: true });
    if (rows.length) {
      // the first row is shown from the start: click the second one first
      for (const k of rows.length > 1 ? [1, 0] : [0]) {
        await page.click(`#heatmap tr.team-row >> nth=${k} >> th`);
        const head = await page.waitForFunction((n) => {
          const h = document.querySelector("#team-detail section.team h3");
          return h && h.textContent === n && h.textContent;
        }, teams[rows[k].i].team, { timeout: 5000 }).then((h) => h.jsonValue()).catch(() => null);
        if (head === null) fail(`clicking row ${k + 1} does not show ${JSON.stringify(teams[rows[k].i].team)} in #team-detail`);
      }
      const first = rows[0];
      const t = teams[first.i];
      const matrixRows = await page.$$eval("#team-detail section.team table.matrix tbody tr:not(.area-row)", (r) => r.length);
      if (matrixRows !== t.matrix.length) fail(`the detail matrix has ${matrixRows} rows, the team ${t.matrix.length}`);
      const found = await page.$$eval("#team-detail section.team .finding", (f) => f.map((li) => li.querySelector(".msg").textContent));
      if (found.length !== t.findings.length) fail(`the detail lists ${found.length} findings, the team has ${t.findings.length}`);
      // `code spans` show as code: compare without the backticks
      const plain = (s) => s.replace(/`/g, "");
      found.forEach((text, k) => { if (plain(text) !== plain(t.findings[k].message)) fail(`finding ${k + 1} reads ${JSON.stringify(text)}`); });
      // clipped from the full page, where the sticky header stays at the top
      await page.evaluate(() => window.scrollTo(0, 0));
      const clip = await page.$eval("#team-detail", (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
      });
      await page.screenshot({ path: shot(".detail.png"), fullPage: true, clip });
    }
  } finally {
    await context.close();
  }
}

async function withoutJs() {
  const { context, page } = await open(false);
  try {
    await page.goto(url, { waitUntil: "load" });
    const seen = await page.evaluate(() => ({
      verdict: document.querySelector(".verdict") && document.querySelector(".verdict").offsetParent !== null,
      teams: [...document.querySelectorAll("section.team")].map((s) => ({
        name: s.querySelector("h3").textContent,
        visible: s.offsetParent !== null,
        matrix: s.querySelectorAll("table.matrix tbody tr:not(.area-row)").length,
        findings: [...s.querySelectorAll(".finding .msg")].map((p) => p.textContent),
      })),
      loads: !!document.querySelector("#loads") && document.querySelector("#loads").offsetParent !== null,
      controls: document.querySelector("#controls").offsetParent !== null,
      heatRows: document.querySelectorAll("#heatmap tr.team-row").length,
    }));
    if (!seen.verdict) fail("no JS: the verdict is not shown");
    if (seen.controls) fail("no JS: the filter controls show though they cannot work");
    if (data.loads.length && !seen.loads) fail("no JS: the loads are not shown");
    if (seen.teams.length !== staticTeams) fail(`no JS: ${seen.teams.length} team sections, the page has ${staticTeams}`);
    seen.teams.forEach((s, k) => {
      const t = teams[k];
      if (!s.visible) fail(`no JS: team ${k + 1} is hidden`);
      if (s.name !== t.team) fail(`no JS: team ${k + 1} is named ${JSON.stringify(s.name)}, not ${JSON.stringify(t.team)}`);
      if (s.matrix !== t.matrix.length) fail(`no JS: team ${JSON.stringify(t.team)} shows ${s.matrix} matrix rows of ${t.matrix.length}`);
      if (s.findings.length !== t.findings.length || s.findings.some((f, j) => f !== t.findings[j].message)) {
        fail(`no JS: team ${JSON.stringify(t.team)} does not show its ${t.findings.length} findings as written`);
      }
    });
    note(`no JS: verdict, ${seen.heatRows} heatmap rows, ${seen.teams.length} team matrices with findings, loads ${seen.loads ? "shown" : "absent"}`);
    await page.screenshot({ path: shot(".nojs.png"), fullPage: true });
  } finally {
    await context.close();
  }
}

try {
  await withJs();
  if (staticTeams) await withoutJs();
} catch (e) {
  fail(`${e.message.split("\n")[0]}`);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
note(`${bad} problem(s); screenshots in ${shots}`);
process.exit(bad ? 1 : 0);
