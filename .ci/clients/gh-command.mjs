#!/usr/bin/env node
// Workflow-command lines as @actions/core writes them (its own issueCommand, not a copy).
//
//   node gh-command.mjs line CMD MESSAGE [key=value ...]
//       print the line @actions/core's issueCommand(CMD, {key: value, ...}, MESSAGE) writes;
//       \r and \n in arguments may be given as the two characters \r, \n
//   node gh-command.mjs check GITHUB.txt [REPORT.json [CWD]]
//       1. every `::cmd props::msg` line of GITHUB.txt must be byte-for-byte what
//          issueCommand writes for the values it decodes to (same key order);
//       2. with REPORT.json (the JSON report of the same run, made in CWD, default .),
//          the decoded annotations must carry the report's findings and errors.
//       Exit 1 on any difference.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { issueCommand } from "./node_modules/@actions/core/lib/command.js";

function render(cmd, props, msg) {
  let out = "";
  const write = process.stdout.write;
  process.stdout.write = (s) => ((out += s), true);
  try { issueCommand(cmd, props, msg); } finally { process.stdout.write = write; }
  return out.replace(/\r?\n$/, "");
}

const unescape = (s, re) => s.replace(re, (m) => ({ "%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": "," })[m]);
const unData = (s) => unescape(s, /%(25|0D|0A)/g);
const unProp = (s) => unescape(s, /%(25|0D|0A|3A|2C)/g);

// charterlint shows control characters other than \r, \n and \t as their Unicode
// control pictures (U+0001 as U+2401), so none reaches the log raw.
const shown = (text) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) =>
    c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0)));

// The runner's grammar: ::name[ k=v,k=v]::message ; an escaped property holds no ':' or ','.
function parse(line) {
  const m = /^::([A-Za-z0-9_-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) return null;
  const props = {};
  for (const kv of (m[2] ?? "").split(",").filter(Boolean)) {
    const i = kv.indexOf("=");
    if (i < 1) return null;
    props[kv.slice(0, i)] = unProp(kv.slice(i + 1));
  }
  return { cmd: m[1], props, msg: unData(m[3]) };
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "line") {
  const lit = (s) => s.replace(/\\r/g, "\r").replace(/\\n/g, "\n");
  const [cmd, msg, ...kvs] = args;
  const props = Object.fromEntries(kvs.map((kv) => [kv.slice(0, kv.indexOf("=")), lit(kv.slice(kv.indexOf("=") + 1))]));
  console.log(render(cmd, props, lit(msg ?? "")));
} else if (mode === "check") {
  const [ghFile, reportFile, cwd = "."] = args;
  let bad = 0;
  const fail = (s) => (bad++, console.log(s));
  const seen = [];
  for (const line of readFileSync(ghFile, "utf8").split("\n")) {
    if (!line.startsWith("::")) continue;
    const p = parse(line);
    if (!p) { fail(`unparsable (a property holds a raw ':' or ','?): ${JSON.stringify(line)}`); continue; }
    const want = render(p.cmd, p.props, p.msg);
    if (want !== line) fail(`escaping differs from @actions/core\n  ours: ${JSON.stringify(line)}\n  core: ${JSON.stringify(want)}`);
    seen.push(p);
  }
  if (reportFile) {
    const r = JSON.parse(readFileSync(reportFile, "utf8"));
    const level = { error: "error", warning: "warning", info: "notice" };
    const want = [
      ...r.findings.map((f) => ({ cmd: level[f.severity], file: f.path, line: f.line, msg: shown(f.message + (f.help ? `\nhelp: ${f.help}` : "")) })),
      ...r.errors.map((e) => ({ cmd: "error", file: e.path, line: e.line, msg: shown(e.message + (e.help ? `\nhelp: ${e.help}` : "")) })),
    ];
    const key = (a) => JSON.stringify([a.cmd, resolve(cwd, a.file ?? ""), a.line === undefined ? "" : String(a.line), a.msg]);
    const have = new Map();
    for (const s of seen) have.set(key({ cmd: s.cmd, file: s.props.file, line: s.props.line, msg: s.msg }), s);
    for (const w of want) if (!have.delete(key(w))) fail(`missing annotation for ${key(w)}`);
    for (const k of have.keys()) fail(`annotation not in the JSON report: ${k}`);
  }
  console.log(`${seen.length} workflow commands checked, ${bad} problem(s)`);
  process.exit(bad ? 1 : 0);
} else {
  console.error("usage: gh-command.mjs line CMD MESSAGE [key=value...] | check GITHUB.txt [REPORT.json [CWD]]");
  process.exit(2);
}
