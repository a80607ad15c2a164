/* charterlint report: heatmap, loads, team detail. Data reaches the page as text only. */
(function () {
  "use strict";
  var d = document;
  var PAGE = 100;
  var SYM = { O: "✓", o: "✓", S: "◐", G: "✗", "-": "·" };
  var HEAT = { O: "owned", o: "owned (not core)", S: "shared", G: "gap: nobody owns it", "-": "not required" };
  var ST = { failing: "✗", warnings: "⚠\uFE0E", notes: "ℹ\uFE0E", clean: "✓" };
  var SEV = { error: "✗", warning: "⚠\uFE0E", info: "ℹ\uFE0E" };
  var S = { team: "", person: "", area: "", status: "", sort: "worst", page: 0, sel: -1 };
  var data, teams, cols, view = [], orders = {};
  var $ = function (id) { return d.getElementById(id); };

  function h(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c != null) parent.appendChild(typeof c === "string" ? d.createTextNode(c) : c);
    }
    return parent;
  }
  function cell(scope, cls, text) { var e = h("th", cls, text); e.scope = scope; return e; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  // Text whose `code spans` become <code> elements (as text, never markup).
  function prose(el, text) {
    var parts = String(text).split("`");
    if (parts.length % 2 === 0) { el.textContent = text; return el; }
    parts.forEach(function (p, i) { if (p) add(el, i % 2 ? h("code", null, p) : p); });
    return el;
  }
  function badge(status) { return h("span", "st st-" + status, (ST[status] || "") + " " + status); }

  function readData() {
    var el = $("charterlint-data");
    if (el.getAttribute("data-encoding") !== "gzip+base64") return Promise.resolve(JSON.parse(el.textContent));
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot unpack the report's data: open it in a current browser"));
    }
    var bin = atob(el.textContent.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  // ---- heatmap ------------------------------------------------------------
  function shownCols() {
    var out = [];
    cols.forEach(function (c, i) { if (!S.area || c.area === S.area) out.push(i); });
    return out;
  }
  function count(t, ch, idx) {
    var n = 0;
    for (var k = 0; k < idx.length; k++) if (t.heat.charAt(idx[k]) === ch) n++;
    return n;
  }
  function order() {
    var key = S.sort === "name" || S.sort === "worst" ? S.sort : S.sort + ":" + S.area;
    if (orders[key]) return orders[key];
    var idx = teams.map(function (t, i) { return i; });
    if (S.sort === "name") {
      var coll = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
      idx.sort(function (a, b) { return coll.compare(teams[a].team, teams[b].team) || a - b; });
    } else if (S.sort !== "worst") {
      var ch = S.sort === "gaps" ? "G" : "S", ci = shownCols();
      var n = teams.map(function (t) { return count(t, ch, ci); });
      idx.sort(function (a, b) { return n[b] - n[a] || a - b; });
    }
    return (orders[key] = idx);
  }
  function filter() {
    var q = S.team.toLowerCase().trim(), p = S.person.toLowerCase().trim(), o = order();
    view = [];
    for (var k = 0; k < o.length; k++) {
      var t = teams[o[k]];
      if (S.status && t.status !== S.status) continue;
      if (q && t._k.indexOf(q) < 0) continue;
      // a person matches from the start of any word of a name: "lima" finds "Ana Lima"
      if (p && t._p.indexOf("\n" + p) < 0 && t._p.indexOf(" " + p) < 0) continue;
      view.push(o[k]);
    }
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    if (S.page >= pages) S.page = pages - 1;
  }
  function renderHead(ci) {
    var thead = $("heatmap").tHead, areas = h("tr", "areas"), row = h("tr", "cols");
    var blank = h("td"); blank.colSpan = 3; areas.appendChild(blank);
    add(row, cell("col", "t-name", "Team"), cell("col", "t-status", "Status"), cell("col", "t-gaps", "Gaps"));
    row.lastChild.title = "core responsibilities nobody owns";
    ci.forEach(function (i, k) {
      var c = cols[i], th;
      if (k === 0 || cols[ci[k - 1]].area !== c.area) {
        th = add(cell("colgroup", "a-" + c.area), h("span", null, c.area));
        th.colSpan = ci.filter(function (j) { return cols[j].area === c.area; }).length;
        areas.appendChild(th);
      }
      th = cell("col", "rc"); th.title = c.id;
      row.appendChild(add(th, h("span", null, c.name)));
    });
    thead.textContent = "";
    add(thead, areas, row);
  }
  function renderRows() {
    var ci = shownCols(), tbody = $("heatmap").tBodies[0], frag = d.createDocumentFragment();
    renderHead(ci);
    var start = S.page * PAGE, end = Math.min(view.length, start + PAGE);
    for (var k = start; k < end; k++) {
      var i = view[k], t = teams[i], tr = h("tr", "team-row" + (i === S.sel ? " sel" : ""));
      tr.setAttribute("data-team", t.team);
      tr.setAttribute("data-i", i);
      var th = cell("row", "t-name"), a = h("a", null, t.team);
      a.href = "#team-" + (i + 1); th.title = t.team + "\n" + t.path;
      add(tr, add(th, a), add(h("td", "t-status"), badge(t.status)));
      var g = count(t, "G", ci);
      tr.appendChild(g ? h("td", "t-gaps", String(g)) : add(h("td", "t-gaps"), h("span", "zero", "0")));
      for (var n = 0; n < ci.length; n++) {
        var x = t.heat.charAt(ci[n]) || "-", c = cols[ci[n]];
        var td = h("td", "c h-" + x + (n && cols[ci[n - 1]].area !== c.area ? " g0" : ""), SYM[x] || "·");
        td.title = c.name + ": " + (HEAT[x] || x);
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    if (!view.length) {
      var empty = h("td", null, teams.length ? "No team matches these filters." : "No team was checked.");
      empty.colSpan = ci.length + 3;
      frag.appendChild(add(h("tr", "empty"), empty));
    }
    tbody.textContent = "";
    tbody.appendChild(frag);
    $("heatmap-count").textContent = view.length + " of " + teams.length + " teams";
    renderPager(start, end);
  }
  function renderPager(start, end) {
    var pager = $("pager"), pages = Math.max(1, Math.ceil(view.length / PAGE));
    pager.textContent = "";
    if (pages < 2) return;
    var prev = h("button", null, "‹ Previous"), next = h("button", null, "Next ›");
    prev.type = next.type = "button";
    prev.disabled = S.page === 0; next.disabled = S.page >= pages - 1;
    prev.onclick = function () { S.page--; renderRows(); };
    next.onclick = function () { S.page++; renderRows(); };
    add(pager, prev, h("span", null, "rows " + (start + 1) + "–" + end + " · page " + (S.page + 1) + " of " + pages), next);
  }
  function update() { filter(); renderRows(); }

  // ---- team detail ----------------------------------------------------------
  function matrix(t) {
    var table = h("table", "matrix"), head = h("tr"), body = h("tbody"), area = null;
    add(table, h("caption", null, "RACI matrix of " + t.team));
    add(head, cell("col", null, "Responsibility"), cell("col", "core", "Core"));
    t.roles.forEach(function (r) {
      var th = cell("col", "role");
      add(th, h("code", null, r.id), h("span", "rt", r.title));
      if (r.scope) th.appendChild(h("span", "scope", "scope: " + r.scope));
      th.appendChild(r.holders.length ? h("span", "holders", r.holders.join(", ")) : h("span", "holders vacant", "vacant"));
      head.appendChild(th);
    });
    head.appendChild(cell("col", null, "Status"));
    add(table, add(h("thead"), head), body);
    t.matrix.forEach(function (m) {
      if (m.area !== area) {
        area = m.area;
        var ath = cell("rowgroup", null, area); ath.colSpan = t.roles.length + 3;
        body.appendChild(add(h("tr", "area-row"), ath));
      }
      var cls = { gap: "s-gap", shared: "s-shared", owned: "s-owned" }[m.status] || "s-none";
      var tr = h("tr", cls), th = cell("row");
      add(tr, add(th, h("code", null, m.id), " " + m.name));
      var core = h("td", "core");
      if (m.core) add(core, "✓", h("span", "sr", " core"));
      tr.appendChild(core);
      m.cells.forEach(function (c) { tr.appendChild(h("td", "raci" + (c.indexOf("A") >= 0 ? " own" : ""), c)); });
      var s = h("td", "status"), owners = (m.owners || []).join(", ");
      if (m.status === "gap") add(s, h("span", "sb sb-gap", "✗ gap"), " nobody owns it");
      else if (m.status === "shared") add(s, h("span", "sb sb-shared", "◐ shared"), " " + owners);
      else if (m.status === "owned") add(s, h("span", "sb sb-owned", "✓ owned"), " " + owners);
      else s.appendChild(h("span", "sb sb-none", "· not owned"));
      body.appendChild(add(tr, s));
    });
    return add(h("div", "scroll"), table);
  }
  function findings(t) {
    if (!t.findings.length) return h("p", "none", "✓ No findings.");
    var ol = h("ol", "findings");
    t.findings.forEach(function (f) {
      var li = h("li", "finding sev-" + f.severity), head = h("div", "f-head");
      add(head, h("span", "sev", (SEV[f.severity] || "") + " " + f.severity), " ", h("code", "rule", f.rule), " ",
        h("code", "loc", t.path + (f.line != null ? ":" + f.line + (f.column != null ? ":" + f.column : "") : "")));
      add(li, head, prose(h("p", "msg"), f.message));
      if (f.help) li.appendChild(prose(h("p", "help"), "help: " + f.help));
      ol.appendChild(li);
    });
    return ol;
  }
  function select(i, scroll) {
    if (!(i >= 0 && i < teams.length)) return;
    S.sel = i;
    var t = teams[i], sec = h("section", "team"), head = h("div", "team-head"), nav = h("div", "team-nav");
    sec.id = "team-" + (i + 1);
    sec.setAttribute("aria-label", t.team);
    var at = view.indexOf(i);
    if (teams.length > 1) [["‹ Previous team", at - 1], ["Next team ›", at + 1]].forEach(function (b) {
      var btn = h("button", null, b[0]); btn.type = "button";
      btn.disabled = at < 0 || b[1] < 0 || b[1] >= view.length;
      btn.onclick = function () { var j = view[b[1]]; S.page = Math.floor(b[1] / PAGE); select(j, false); renderRows(); };
      nav.appendChild(btn);
    });
    var back = h("a", null, "↑ Heatmap"); back.href = "#heat";
    add(nav, back);
    add(head, h("h3", null, t.team), badge(t.status), nav);
    var meta = add(h("p", "meta"), h("code", null, t.path),
      " · " + plural(t.errors, "error", "errors") + ", " + plural(t.warnings, "warning", "warnings") + ", " + t.infos + " info · " +
      plural(t.roles.length, "role", "roles") + " · " + plural(t.people.length, "person", "people"));
    add(sec, head, meta, t.matrix.length ? matrix(t) : h("p", null, "No responsibilities to show."), h("h4", null, "Findings"), findings(t));
    var view_ = $("detail-view");
    view_.textContent = "";
    view_.appendChild(sec);
    var rows = $("heatmap").tBodies[0].rows;
    for (var k = 0; k < rows.length; k++) rows[k].classList.toggle("sel", rows[k].getAttribute("data-i") === String(i));
    try { history.replaceState(null, "", "#team-" + (i + 1)); } catch (e) { /* file: URLs in some browsers */ }
    if (scroll) sec.scrollIntoView({ block: "start" });
  }

  // ---- loads ----------------------------------------------------------------
  function loadRow(l) {
    var tr = h("tr", l.overloaded ? "over" : ""), th = cell("row"), who = h("button", "linklike who", l.person);
    who.type = "button"; who.title = "Show this person's teams in the heatmap";
    th.appendChild(who);
    if (l.overloaded) add(th, " ", h("span", "flag", "⚠\uFE0E overloaded"));
    var bar = h("div", "bar"); bar.style.setProperty("--a", String(l.allocation));
    var cell = add(h("td", "bar-cell"), add(h("div", "track"), bar), h("span", "val", l.allocation_text));
    var n = h("td", "num", String(l.accountabilities)); n.title = "product ownership responsibilities owned";
    var tm = h("td", "teams", l.teams.length + ": " + l.teams.join(", ")); tm.title = l.teams.join(", ");
    return add(tr, th, cell, n, tm);
  }
  function initLoads() {
    var table = $("loads");
    if (!table) return;
    var all = data.loads || [], max = 1;
    all.forEach(function (l) { if (l.allocation > max) max = l.allocation; });
    table.style.setProperty("--max", String(Math.max(1.25, Math.ceil(max * 1.05 * 4) / 4)));
    var body = table.tBodies[0];
    // the server-rendered names become buttons that filter the heatmap by person
    Array.prototype.forEach.call(body.querySelectorAll("span.who"), function (s) {
      var b = h("button", "linklike who", s.textContent); b.type = "button"; b.title = "Show this person's teams in the heatmap";
      s.parentNode.replaceChild(b, s);
    });
    body.addEventListener("click", function (e) {
      var b = e.target.closest("button.who");
      if (!b) return;
      $("f-person").value = S.person = b.textContent;
      S.page = 0; update();
      $("heat").scrollIntoView({ block: "start" });
    });
    var more = $("loads-more"), FOLD = 25;
    if (body.rows.length > FOLD) table.classList.add("folded");
    function moreButton() {
      more.textContent = "";
      var folded = table.classList.contains("folded"), shown = body.rows.length, rest = all.length - shown;
      if (!folded && rest <= 0) return;
      var b = h("button", null, folded ? "Show " + (shown - FOLD) + " more people"
        : "Show " + Math.min(200, rest) + " more people (" + rest + " not shown)");
      b.type = "button";
      b.onclick = function () {
        if (folded) table.classList.remove("folded");
        else {
          var f = d.createDocumentFragment();
          all.slice(shown, shown + 200).forEach(function (l) { f.appendChild(loadRow(l)); });
          body.appendChild(f);
        }
        moreButton();
      };
      more.appendChild(b);
    }
    moreButton();
  }

  // ---- start ----------------------------------------------------------------
  function bind(id, key, ev) {
    var el = $(id), timer = 0;
    el.value = S[key];
    el.addEventListener(ev, function () {
      clearTimeout(timer);
      timer = setTimeout(function () { S[key] = el.value; S.page = 0; update(); }, ev === "input" ? 60 : 0);
    });
  }
  function start(json) {
    data = json; teams = data.teams || []; cols = data.columns || [];
    teams.forEach(function (t) {
      t._k = (t.team + "\n" + t.path).toLowerCase();
      t._p = "\n" + (t.people || []).join("\n").toLowerCase();
    });
    var st = $("static-teams");
    if (st) st.textContent = "";
    var list = $("people");
    (data.loads || []).slice(0, 1000).forEach(function (l) { var o = h("option"); o.value = l.person; list.appendChild(o); });
    bind("f-team", "team", "input"); bind("f-person", "person", "input");
    bind("f-area", "area", "change"); bind("f-status", "status", "change"); bind("f-sort", "sort", "change");
    $("heatmap").tBodies[0].addEventListener("click", function (e) {
      var tr = e.target.closest("tr.team-row");
      if (!tr) return;
      e.preventDefault();
      select(Number(tr.getAttribute("data-i")), true);
    });
    update();
    var m = /^#team-(\d+)$/.exec(location.hash);
    var first = m ? Number(m[1]) - 1 : view.length ? view[0] : -1;
    if (first >= 0 && first < teams.length) select(first, !!m);
    else $("detail-view").appendChild(h("p", "zero", "No team to show."));
    initLoads();
    $("heatmap").setAttribute("data-rendered", "");
    window.charterlintRendered = performance.now();
  }
  function fail(e) {
    $("heatmap-count").textContent = "The report's data could not be read: " + (e && e.message);
    throw e;
  }
  function boot() { readData().then(start).catch(fail); }
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
