#!/usr/bin/env node
// node md-check.mjs REPORT.md [REPORT.json] [OUT.html]
// Renders a Markdown report with marked (GitHub-flavoured) and checks:
//  1. every table row has as many cells as its header (GFM pads short rows and drops
//     the cells past the header's count without a word, so a stray `|` loses data);
//  2. with REPORT.json of the same run: every team name, file path and finding
//     message (backticks aside, whitespace collapsed) survives into the rendered text,
//     so no Markdown or HTML in user data was interpreted.
// Exit 1 on any problem.
import { readFileSync, writeFileSync } from "node:fs";
import { marked } from "marked";

const [mdFile, jsonFile, htmlFile] = process.argv.slice(2);
if (!mdFile) { console.error("usage: md-check.mjs REPORT.md [REPORT.json] [OUT.html]"); process.exit(2); }
const md = readFileSync(mdFile, "utf8");
let bad = 0;
const fail = (s) => (bad++, console.log(`${mdFile}: ${s}`));

// GFM's cell split: on every `|` not escaped by a backslash, code spans included.
function cells(line) {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).length;
}

let tables = 0, rows = 0, from = 0;
marked.walkTokens(marked.lexer(md), (t) => {
  if (t.type !== "table") return;
  tables++;
  const at = md.indexOf(t.raw, from);
  from = at + t.raw.length;
  const first = md.slice(0, at).split("\n").length;
  const lines = t.raw.replace(/\n+$/, "").split("\n");
  const width = cells(lines[0]);
  lines.forEach((line, i) => {
    rows++;
    const n = cells(line);
    if (n !== width) fail(`line ${first + i}: ${n} cells in a table of ${width} columns: ${line}`);
  });
});

const html = marked.parse(md);
if (htmlFile) writeFileSync(htmlFile, html);
if (jsonFile) {
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  const text = (s) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();
  const rendered = text(
    html.replace(/<\/?(code|strong|em|a|del)\b[^>]*>/g, "").replace(/<[^>]*>/g, " ")
      // One pass, so that "&amp;copy;" decodes to the text "&copy;" and no further; an
      // entity of another name would show as a character in a browser.
      .replace(/&(amp|lt|gt|quot|#39);|&#(\d+);|&#x([0-9a-f]+);|&[a-z][a-z0-9]*;/gi, (m, n, d, x) =>
        n ? entities[n] : d || x ? String.fromCodePoint(d ? Number(d) : parseInt(x, 16)) : "\uFFFD"),
  );
  // charterlint shows control characters other than line breaks and tabs as their
  // Unicode control pictures (U+0001 as U+2401).
  const shown = (s) =>
    s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) =>
      c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0)));
  const r = JSON.parse(readFileSync(jsonFile, "utf8"));
  const want = [
    ...r.files.flatMap((f) => [["team name", f.team], ["path", f.path]]),
    ...r.findings.flatMap((f) => [["finding message", f.message], ...(f.people ?? []).map((p) => ["person", p])]),
  ];
  for (const [what, s] of want)
    if (!rendered.includes(text(shown(s)))) fail(`${what} not rendered as written: ${JSON.stringify(s)}`);
}
console.log(`${mdFile}: ${tables} tables, ${rows} rows checked, ${bad} problem(s)`);
process.exit(bad ? 1 : 0);
