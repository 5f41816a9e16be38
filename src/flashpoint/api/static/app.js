/* flashpoint dashboard: vanilla JS and SVG, everything served by the app itself. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PAGE_SIZE = 25;
  const THRESHOLD = 2;  // the escalation score that counts as escalating (the API's default)
  const MAX_KILLED_SIZE = 10000;  // map markers stop growing here
  // The dyad chart's colours: a → b, b → a, cooperation (the report's charts use the same:
  // flashpoint.analysis.charts.DIRECTION_COLORS).
  const DIRECTION_COLORS = { ab: "#b2182b", ba: "#2b6cb0", cooperation: "#1b9e77" };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const state = {
    since: "", until: "", type: "", q: "", dyad: "", day: "",
    page: 1, meta: null, colors: {}, quadColors: {}, world: null,
    openEvent: null, selectedDyad: null, points: [], chains: [],
  };
  const $ = (id) => document.getElementById(id);

  // --- helpers -------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k === "style") Object.assign(node.style, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") node.textContent = v;
      else if (k === "style") Object.assign(node.style, v);  // CSSOM: the CSP forbids style attributes
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.message || body.error || res.statusText);
    return body;
  }

  // Each panel draws only the answer to its latest request: an older, slower answer that
  // arrives after the filters changed would otherwise overwrite the newer one.
  const issued = {};
  async function latest(panel, path, params) {
    const n = (issued[panel] = (issued[panel] || 0) + 1);
    const data = await api(path, params);
    return n === issued[panel] ? data : null;
  }

  function showError(err) {
    const box = $("message");
    box.textContent = String(err.message || err);
    box.hidden = false;
  }

  function fmtDate(iso) {
    if (!iso) return "undated";
    const d = new Date(iso + "T00:00:00Z");
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  }

  // A date as precisely as it is known: "1956", "Jan 2024", "week of 15 Jan 2024", "16 Jan 2024".
  function fmtPrecise(iso, precision, short) {
    if (!iso) return "undated";
    const [y, m] = iso.split("-").map(Number);
    if (precision === "year") return String(y);
    if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
    if (precision === "week") {
      const d = new Date(iso + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return "week of " + (short ? shortDate : fmtDate)(d.toISOString().slice(0, 10));
    }
    return short ? shortDate(iso) : fmtDate(iso);
  }

  // "1 event", "3 events"
  function plural(count, noun, many) {
    return `${count} ${count === 1 ? noun : (many || noun + "s")}`;
  }

  function shortDate(iso) {
    const d = new Date(iso + "T00:00:00Z");
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  }

  function party(actor) {
    if (!actor) return "—";
    return actor.name || actor.country || "?";
  }

  function typeColor(t) { return state.colors[t] || "#777"; }

  function eventFilters() {
    const p = { since: state.since, until: state.until, type: state.type, q: state.q, dyad: state.dyad };
    if (state.day) { p.since = state.day; p.until = state.day; }
    return p;
  }

  function periodParams() { return { since: state.since, until: state.until }; }

  // --- map -------------------------------------------------------------------------------

  const map = { k: 1, view: null, full: null, drag: null };

  function project(lon, lat) { return [lon * map.k, -lat]; }

  function ringPath(ring) {
    // An edge that jumps across the 180th meridian would draw a stripe over the whole map:
    // the ring is broken there instead (the shipped outlines are already cut along it).
    let d = "";
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = project(ring[i][0], ring[i][1]);
      const jump = i > 0 && Math.abs(ring[i][0] - ring[i - 1][0]) > 180;
      d += (i && !jump ? "L" : "M") + x.toFixed(2) + " " + y.toFixed(2);
    }
    return d + "Z";
  }

  function drawCountries(highlight) {
    const layer = $("map").querySelector("g.countries");
    clear(layer);
    if (!state.world) return;
    for (const f of state.world.features) {
      let d = "";
      for (const poly of f.geometry.coordinates) for (const ring of poly) d += ringPath(ring);
      const iso = f.properties.iso3 || "";
      const path = svg("path", { d, class: "country" + (highlight.has(iso) ? " hi" : ""), "data-iso3": iso });
      path.append(svg("title", { text: f.properties.name }));
      layer.append(path);
    }
  }

  function extentOf(points) {
    if (!points.length) return { west: -170, east: 190, south: -58, north: 80 };
    let west = 180, east = -180, south = 90, north = -90;
    for (const p of points) {
      west = Math.min(west, p[2]); east = Math.max(east, p[2]);
      south = Math.min(south, p[1]); north = Math.max(north, p[1]);
    }
    const cx = (west + east) / 2, cy = (south + north) / 2;
    const hw = Math.max((east - west) / 2 * 1.3, 12), hh = Math.max((north - south) / 2 * 1.3, 8);
    return { west: cx - hw, east: cx + hw, south: Math.max(cy - hh, -85), north: Math.min(cy + hh, 85) };
  }

  function setView(v) {
    map.view = v;
    $("map").setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
    const r0 = v.w / 160;
    for (const c of $("map").querySelectorAll("circle.event")) {
      c.setAttribute("r", (r0 * Number(c.dataset.size)).toFixed(3));
    }
  }

  function fitMap() {
    const svgEl = $("map");
    const ext = extentOf(state.points);
    const lat0 = (ext.south + ext.north) / 2;
    map.k = Math.max(Math.cos(lat0 * Math.PI / 180), 0.3);
    const hi = new Set();
    if (state.selectedDyad) for (const side of [state.selectedDyad.a, state.selectedDyad.b]) hi.add(side.split(":")[0]);
    drawCountries(hi);
    drawPoints();
    const [x0, y0] = project(ext.west, ext.north), [x1, y1] = project(ext.east, ext.south);
    const box = svgEl.getBoundingClientRect();
    const aspect = box.width > 0 && box.height > 0 ? box.width / box.height : 2;
    let w = x1 - x0, h = y1 - y0;
    if (w / h > aspect) { const nh = w / aspect; return setView(map.full = { x: x0, y: y0 - (nh - h) / 2, w, h: nh }); }
    const nw = h * aspect;
    setView(map.full = { x: x0 - (nw - w) / 2, y: y0, w: nw, h });
  }

  function drawPoints() {
    const layer = $("map").querySelector("g.events");
    clear(layer);
    const chainIds = new Set();
    for (const c of state.chains) for (const m of c.moves) for (const e of m.events) chainIds.add(e.event_id);
    const sorted = [...state.points].sort((a, b) => (b[5] || 0) - (a[5] || 0));
    for (const p of sorted) {
      const [id, lat, lon, type, , dead, date, label, precision, datePrecision] = p;
      const [x, y] = project(lon, lat);
      const size = markerSize(dead);
      const centroid = precision === "country";
      const c = svg("circle", {
        cx: x.toFixed(3), cy: y.toFixed(3), r: 0.5, fill: centroid ? "none" : typeColor(type),
        style: centroid ? { stroke: typeColor(type) } : null,
        class: "event" + (centroid ? " centroid" : "") + (id === state.openEvent ? " sel" : ""),
        "data-id": id, "data-size": size.toFixed(3),
        "data-type": type, "data-chain": chainIds.has(id) ? "1" : null,
      });
      const where = centroid ? " (somewhere in the country)" : "";
      c.append(svg("title", { text: `${fmtPrecise(date, datePrecision)} · ${label}${where}${dead ? ` · ${dead} killed` : ""}` }));
      c.addEventListener("click", (ev) => { ev.stopPropagation(); openEventById(id); });
      layer.append(c);
    }
    if (map.view) setView(map.view);
  }

  // A marker's radius (in units of the view) for its killed: by the logarithm, capped, so
  // one running toll of 500,000 cannot cover a region.
  function markerSize(dead) {
    return 1 + 0.9 * Math.log10(1 + Math.min(dead || 0, MAX_KILLED_SIZE));
  }

  function initMapInteraction() {
    const svgEl = $("map");
    svgEl.append(svg("g", { class: "countries" }), svg("g", { class: "events" }));
    svgEl.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const v = map.view; if (!v) return;
      const box = svgEl.getBoundingClientRect();
      const fx = (ev.clientX - box.left) / box.width, fy = (ev.clientY - box.top) / box.height;
      const s = ev.deltaY > 0 ? 1.25 : 0.8;
      const w = Math.min(Math.max(v.w * s, 2), 400), h = w * v.h / v.w;
      setView({ x: v.x + (v.w - w) * fx, y: v.y + (v.h - h) * fy, w, h });
    }, { passive: false });
    svgEl.addEventListener("pointerdown", (ev) => {
      if (!map.view || ev.target.classList.contains("event")) return;
      map.drag = { x: ev.clientX, y: ev.clientY, v: { ...map.view } };
      svgEl.classList.add("dragging");
      svgEl.setPointerCapture(ev.pointerId);
    });
    svgEl.addEventListener("pointermove", (ev) => {
      if (!map.drag) return;
      const box = svgEl.getBoundingClientRect(), d = map.drag;
      setView({ ...d.v, x: d.v.x - (ev.clientX - d.x) * d.v.w / box.width, y: d.v.y - (ev.clientY - d.y) * d.v.h / box.height });
    });
    const end = () => { map.drag = null; svgEl.classList.remove("dragging"); };
    svgEl.addEventListener("pointerup", end);
    svgEl.addEventListener("pointercancel", end);
    $("map-fit").addEventListener("click", () => fitMap());
  }

  function drawLegend() {
    const box = $("legend");
    clear(box);
    const present = new Set(state.points.map((p) => p[3]));
    for (const t of state.meta.types) {
      if (!present.has(t.name)) continue;
      box.append(el("span", {}, el("span", { class: "sw", style: { background: t.color } }), t.name.toLowerCase()));
    }
    if (!present.size) { box.append(el("span", { class: "empty", text: "no located events in this view" })); return; }
    const sizes = el("span", { class: "sizes", title: "marker size: killed (capped)" }, "killed:");
    for (const n of [0, 10, 100, MAX_KILLED_SIZE]) {
      const d = (5 * markerSize(n)).toFixed(1);
      sizes.append(el("span", { class: "size", style: { width: d + "px", height: d + "px" } }), n === MAX_KILLED_SIZE ? `${n.toLocaleString("en")}+` : String(n));
    }
    box.append(sizes);
    if (state.points.some((p) => p[8] === "country")) {
      box.append(el("span", {}, el("span", { class: "sw hollow" }), "only the country known (at its centre)"));
    }
  }

  async function loadMap() {
    const data = await latest("map", "/api/map", eventFilters());
    if (!data) return;
    state.points = data.points;
    const shown = data.truncated ? ` (the latest ${data.points.length.toLocaleString("en")} drawn)` : "";
    $("map-count").textContent = `${data.total.toLocaleString("en")} of ${plural(data.matched, "event")} located${shown}`;
    fitMap();
    drawLegend();
  }

  // --- timeline --------------------------------------------------------------------------

  function drawTimeline(data) {
    const s = $("timeline");
    clear(s);
    const W = s.clientWidth || 800, H = s.clientHeight || 170, L = 30, B = 20, T = 8;
    s.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const bins = data.bins;
    if (!bins.length) { s.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis", text: "no dated events" })); return; }
    const max = Math.max(...bins.map((b) => b.total), 1);
    const bw = (W - L - 6) / bins.length;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    for (const t of niceTicks(max)) {
      s.append(svg("line", { x1: L, x2: W, y1: y(t), y2: y(t), class: "gridline" }));
      s.append(svg("text", { x: L - 4, y: y(t) + 3, "text-anchor": "end", class: "axis", text: String(t) }));
    }
    bins.forEach((b, i) => {
      const g = svg("g", { class: "bar", "data-date": b.date });
      let acc = 0;
      for (const q of ["4", "3", "2", "1"]) {
        if (!b[q]) continue;
        g.append(svg("rect", {
          x: (L + i * bw + bw * 0.1).toFixed(2), width: Math.max(bw * 0.8, 1).toFixed(2),
          y: y(acc + b[q]).toFixed(2), height: (y(acc) - y(acc + b[q])).toFixed(2), fill: state.quadColors[q],
        }));
        acc += b[q];
      }
      g.append(svg("rect", { x: L + i * bw, width: bw, y: T, height: H - T - B, fill: "transparent" }));
      g.append(svg("title", { text: `${data.freq === "week" ? "week of " : ""}${fmtDate(b.date)}: ${plural(b.total, "event")}, ${b.dead} killed` }));
      g.addEventListener("click", () => { state.day = data.freq === "day" ? b.date : ""; state.page = 1; renderChips(); Promise.all([loadEvents(), loadMap()]).catch(showError); });
      s.append(g);
    });
    const every = Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor(W / 70))));
    bins.forEach((b, i) => {
      if (i % every) return;
      s.append(svg("text", { x: L + i * bw + bw / 2, y: H - 5, "text-anchor": "middle", class: "axis", text: shortDate(b.date) }));
    });
    const legend = svg("g", {});
    let lx = L + 4;
    for (const [q, name] of Object.entries(state.meta.quads)) {
      legend.append(svg("rect", { x: lx, y: 2, width: 8, height: 8, fill: state.quadColors[q] }));
      legend.append(svg("text", { x: lx + 11, y: 10, class: "axis", text: name.replace("_", " ") }));
      lx += 16 + name.length * 5.6;
    }
    s.append(legend);
  }

  function niceTicks(max) {
    const step = max <= 5 ? 1 : Math.ceil(max / 4);
    const out = [];
    for (let t = 0; t <= max; t += step) out.push(t);
    return out;
  }

  async function loadTimeline() {
    const p = { since: state.since, until: state.until, type: state.type, q: state.q, dyad: state.dyad };
    const spanDays = state.since && state.until ? (Date.parse(state.until) - Date.parse(state.since)) / 864e5 : 0;
    p.freq = spanDays > 180 ? "week" : "day";
    const data = await latest("timeline", "/api/timeline", p);
    if (data) drawTimeline(data);
  }

  // --- dyads -------------------------------------------------------------------------------

  function sparkline(series) {
    const W = 300, H = 36;
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", "aria-hidden": "true" });
    if (!series || !series.length) return s;
    const maxH = Math.max(...series.map((r) => r.hostility), 1);
    const maxS = Math.max(...series.map((r) => r.score), 2);
    const bw = W / series.length;
    series.forEach((r, i) => {
      if (!r.hostility) return;
      const h = (H - 2) * r.hostility / maxH;
      s.append(svg("rect", { x: i * bw, width: Math.max(bw * 0.8, 1), y: H - h, height: h, fill: "#e7a3ab" }));
    });
    const pts = series.map((r, i) => `${(i * bw + bw / 2).toFixed(1)},${(H - 2 - (H - 4) * Math.max(r.score, 0) / maxS).toFixed(1)}`);
    s.append(svg("polyline", { points: pts.join(" "), fill: "none", stroke: "#333", "stroke-width": 1.2 }));
    return s;
  }

  function renderDyads(data) {
    const list = $("dyads");
    clear(list);
    $("dyads-method").textContent = "method: rolling 7-day hostility vs its own 28-day baseline";
    $("dyads-method").title = data.method;
    if (!data.dyads.length) { list.append(el("li", { class: "empty", text: "no conflict between two known actors in this period" })); return; }
    for (const d of data.dyads) {
      const badge = !d.escalating
        ? el("span", { class: "badge calm", text: "not escalating" })
        : d.latest_score >= THRESHOLD
          ? el("span", { class: "badge up", text: `escalating since ${shortDate(d.breakout)}` })
          : el("span", { class: "badge was", text: `escalated ${shortDate(d.breakout)}, calmer now` });
      const facts = `peak score ${d.peak_score.toFixed(1)} · ${plural(d.events, "event")} · ${d.dead} killed · ${plural(d.chains, "chain")}`;
      const item = el("li", {
        class: "dyad" + (state.selectedDyad && state.selectedDyad.key === d.dyad ? " sel" : ""),
        "data-dyad": d.dyad, tabindex: "0",
        onclick: () => selectDyad(d), onkeydown: (ev) => { if (ev.key === "Enter") selectDyad(d); },
      }, el("span", { class: "name", text: d.label }), badge, el("span", { class: "facts", text: facts }), sparkline(d.series));
      list.append(item);
    }
  }

  async function loadDyads() {
    renderDyads(await api("/api/dyads", { ...periodParams(), limit: 8, series: "true" }));
  }

  async function selectDyad(d) {
    const [a, b] = d.dyad.includes("~") ? d.dyad.split("~") : d.dyad.split("-");
    state.selectedDyad = { key: d.dyad, a, b, label: d.label };
    state.dyad = d.dyad;
    state.page = 1;
    for (const li of document.querySelectorAll(".dyad")) li.classList.toggle("sel", li.dataset.dyad === d.dyad);
    renderChips();
    await Promise.all([loadDyadChart(), loadEvents(), loadMap(), loadTimeline()]).catch(showError);
  }

  async function loadDyadChart() {
    const d = state.selectedDyad;
    if (!d) { $("dyad-panel").hidden = true; return; }
    const [counts, esc, chains] = await Promise.all([
      latest("dyad-counts", "/api/dyads/" + encodeURIComponent(d.key), periodParams()),
      latest("dyad-escalation", "/api/escalation", { ...periodParams(), dyad: d.key }),
      latest("dyad-chains", "/api/chains", { ...periodParams(), dyad: d.key }),
    ]);
    if (!counts || !esc || !chains) return;
    $("dyad-panel").hidden = false;
    $("h-dyad").textContent = d.label;
    const rows = activeRows(counts.periods, esc);
    const state_ = !esc.escalating ? "not escalating"
      : esc.latest_score >= THRESHOLD ? "escalating" : "escalated, below the threshold again";
    const verdict = esc.escalating
      ? `${state_}: breakout ${fmtDate(esc.breakout)}, peak score ${esc.peak_score.toFixed(1)} on ${fmtDate(esc.peak_date)}`
      : `${state_} (peak score ${esc.peak_score.toFixed(1)})`;
    const shown = rows.length ? ` · chart: ${fmtDate(rows[0].date)} – ${fmtDate(rows[rows.length - 1].date)}` : "";
    $("dyad-verdict").textContent = verdict + shown;
    drawDyadChart(rows, esc, chains.chains);
  }

  function activeRows(rows, esc) {
    // The dyad's hostile stretch (a week either side of its conflict), not the whole period,
    // always holding the breakout and peak days the verdict names.
    let busy = rows.map((r, i) => (r.hostility ? i : -1)).filter((i) => i >= 0);
    if (!busy.length) busy = rows.map((r, i) => (r.events ? i : -1)).filter((i) => i >= 0);
    if (!busy.length) return rows;
    for (const day of [esc.breakout, esc.peak_date]) {
      const i = day ? rows.findIndex((r) => r.date === day) : -1;
      if (i >= 0) busy.push(i);
    }
    busy.sort((a, b) => a - b);
    const lo = Math.max(0, busy[0] - 7), hi = Math.min(rows.length - 1, busy[busy.length - 1] + 7);
    return rows.slice(lo, hi + 1);
  }

  function drawDyadChart(rows, esc, chains) {
    const s = $("dyad-chart");
    clear(s);
    const W = s.clientWidth || 700, H = s.clientHeight || 260, L = 34, R = 34, T = 26, B = 22;
    s.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!rows.length) return;
    const maxH = Math.max(...rows.map((r) => r.hostility), 1) * 1.5;
    const maxC = Math.max(...rows.map((r) => r.cooperation), 0);
    const lo = -maxC, span = maxH - lo;
    const bw = (W - L - R) / rows.length;
    const y = (v) => T + (H - T - B) * (maxH - v) / span;
    s.append(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: "#888" }));
    // shaded where the score is at or above the threshold, not from the breakout on
    const scores = {};
    for (const r of esc.series) scores[r.date] = r.score;
    rows.forEach((r, i) => {
      if (scores[r.date] >= THRESHOLD) s.append(svg("rect", { class: "above", x: L + i * bw, y: T, width: bw, height: H - T - B, fill: DIRECTION_COLORS.ab, opacity: 0.08 }));
    });
    const byDate = {};
    rows.forEach((r, i) => {
      byDate[r.date] = i;
      const x = L + i * bw + bw * 0.12, w = Math.max(bw * 0.76, 1);
      if (r.hostility_ab) s.append(svg("rect", { x, width: w, y: y(r.hostility_ab), height: y(0) - y(r.hostility_ab), fill: DIRECTION_COLORS.ab }));
      if (r.hostility_ba) s.append(svg("rect", { x, width: w, y: y(r.hostility_ab + r.hostility_ba), height: y(0) - y(r.hostility_ba), fill: DIRECTION_COLORS.ba }));
      if (r.cooperation) s.append(svg("rect", { x, width: w, y: y(0), height: y(-r.cooperation) - y(0), fill: DIRECTION_COLORS.cooperation }));
    });
    const maxS = Math.max(...esc.series.map((r) => r.score), esc.peak_score, 2.5);
    const ys = (v) => T + (H - T - B) * (1 - Math.max(v, 0) / maxS);
    const pts = esc.series.filter((r) => r.date in byDate).map((r) => `${(L + byDate[r.date] * bw + bw / 2).toFixed(1)},${ys(r.score).toFixed(1)}`);
    s.append(svg("polyline", { points: pts.join(" "), fill: "none", stroke: "#222", "stroke-width": 1.6 }));
    s.append(svg("line", { x1: L, x2: W - R, y1: ys(THRESHOLD), y2: ys(THRESHOLD), stroke: DIRECTION_COLORS.ab, "stroke-dasharray": "4 3" }));
    s.append(svg("text", { x: W - R + 3, y: ys(THRESHOLD) + 3, class: "axis", text: `z=${THRESHOLD}` }));
    let n = 0;
    const lines = [];  // per line of labels, the x where its last label ends
    const labelsAt = y(maxH / 1.5) - 4;  // labels stand on lines above the tallest bar
    for (const c of chains) for (const m of c.moves) for (const e of m.events) {
      const i = byDate[e.date];
      if (i === undefined) continue;
      n += 1;
      const r = rows[i], x = L + i * bw + bw / 2, top = y(r.hostility_ab + r.hostility_ba) - 4;
      const text = `${n} ${m.actor}→${m.recipient}`, half = text.length * 2.9;
      // the lowest line above the bar where this label does not run into the one before
      let line = lines.findIndex((end) => end < x - half - 3);
      if (line < 0) { line = lines.length; lines.push(0); }
      lines[line] = x + half;
      const g = svg("g", { class: "chain-mark", onclick: () => openEventById(e.event_id) });
      g.append(svg("path", { d: `M${x - 5} ${top - 8} L${x + 5} ${top - 8} L${x} ${top} Z`, fill: "#222" }));
      g.append(svg("text", { x, y: labelsAt - 11 - 11 * line, "text-anchor": "middle", class: "axis", text }));
      g.append(svg("title", { text: `${e.event_type}${e.mode ? "/" + e.mode : ""} ${fmtPrecise(e.date, e.date_precision)}` }));
      s.append(g);
    }
    const every = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(W / 70))));
    rows.forEach((r, i) => { if (!(i % every)) s.append(svg("text", { x: L + i * bw + bw / 2, y: H - 6, "text-anchor": "middle", class: "axis", text: shortDate(r.date) })); });
    const a = state.selectedDyad;
    const key = [[DIRECTION_COLORS.ab, `${a.a} → ${a.b}`], [DIRECTION_COLORS.ba, `${a.b} → ${a.a}`], [DIRECTION_COLORS.cooperation, "cooperation"], ["#222", "escalation score"]];
    let lx = L;
    for (const [color, text] of key) {
      s.append(svg("rect", { x: lx, y: 4, width: 9, height: 9, fill: color }));
      s.append(svg("text", { x: lx + 12, y: 12, class: "axis", text }));
      lx += 22 + text.length * 5.5;
    }
  }

  // --- chains ------------------------------------------------------------------------------

  function renderChains(data) {
    const box = $("chains");
    clear(box);
    state.chains = data.chains;
    if (!data.chains.length) { box.append(el("p", { class: "empty", text: "no retaliation chain in this period" })); return; }
    for (const c of data.chains) {
      const title = el("div", {
        class: "title", text: `${c.dyad} · ${shortDate(c.start)} → ${shortDate(c.end)} · ${plural(c.n_moves, "move")} · ${c.dead} killed`,
        onclick: () => { const [a, b] = c.dyad.split(/[~-]/); selectDyad({ dyad: c.dyad, label: c.dyad, a, b }); },
      });
      const ol = el("ol", {});
      for (const m of c.moves) {
        const acts = m.events.map((e, i) => [
          i ? ", " : "",
          el("span", { class: "act", "data-id": e.event_id, text: `${e.event_type.toLowerCase()}${e.mode ? "/" + e.mode : ""} ${fmtPrecise(e.date, e.date_precision, true)}`, onclick: () => openEventById(e.event_id) }),
        ]).flat();
        const lag = m.lag_days === null ? "" : ` (after ${plural(m.lag_days, "day")})`;
        ol.append(el("li", {}, el("b", { text: `${m.actor} → ${m.recipient}: ` }), ...acts, el("span", { class: "lag", text: lag })));
      }
      box.append(el("div", { class: "chain", "data-dyad": c.dyad }, title, ol));
    }
  }

  async function loadChains() {
    renderChains(await api("/api/chains", periodParams()));
  }

  // --- events ------------------------------------------------------------------------------

  async function loadEvents() {
    const body = $("events-body");
    body.setAttribute("aria-busy", "true");  // until the rows of the current filters are drawn
    const data = await latest("events", "/api/events", { ...eventFilters(), page: state.page, page_size: PAGE_SIZE, order: "desc" });
    if (!data) return;
    clear(body);
    if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: "6", class: "empty", text: "no events match" })));
    for (const e of data.items) body.append(eventRow(e));
    $("events-count").textContent = plural(data.total, "event");
    $("page-info").textContent = `page ${data.page} of ${data.pages}`;
    $("prev").disabled = data.page <= 1;
    $("next").disabled = data.page >= data.pages;
    if (state.openEvent) {
      const row = body.querySelector(`tr.row[data-id="${CSS.escape(state.openEvent)}"]`);
      if (row) toggleEvidence(row, state.openEvent, true);
    }
    body.setAttribute("aria-busy", "false");
  }

  // The table's dates: ISO days, and "1956" or "Jan 2024" where only those are known.
  function isoPrecise(iso, precision) {
    if (!iso) return "undated";
    if (precision === "year" || precision === "month") return fmtPrecise(iso, precision);
    if (precision === "week") return "week of " + iso;
    return iso;
  }

  function eventRow(e) {
    const where = e.location ? (e.location.name || e.location.country) : "";
    const row = el("tr", { class: "row", "data-id": e.id, tabindex: "0" },
      el("td", { text: isoPrecise(e.date, e.date_precision) }),
      el("td", {}, el("span", { class: "dot", style: { background: typeColor(e.event_type) } }), e.event_type, e.mode ? el("span", { class: "mode", text: " / " + e.mode }) : null),
      el("td", { text: `${party(e.actor)} → ${party(e.recipient)}` }),
      el("td", { text: where || "—" }),
      el("td", { class: "num", text: e.dead === null || e.dead === undefined ? "" : String(e.dead) }),
      el("td", { class: "num", text: `${e.num_mentions} / ${e.num_articles}`, title: "mentions / articles" }));
    row.addEventListener("click", () => toggleEvidence(row, e.id));
    row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") toggleEvidence(row, e.id); });
    return row;
  }

  async function toggleEvidence(row, id, keepOpen) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains("evidence")) {
      if (keepOpen) return;
      next.remove(); row.classList.remove("open"); state.openEvent = null; markSelected();
      return;
    }
    for (const old of document.querySelectorAll("tr.evidence")) old.remove();
    for (const r of document.querySelectorAll("tr.row.open")) r.classList.remove("open");
    row.classList.add("open");
    state.openEvent = id;
    markSelected();
    const cell = el("td", { colspan: "6" }, el("span", { class: "empty", text: "loading evidence…" }));
    const evRow = el("tr", { class: "evidence", "data-id": id }, cell);
    row.after(evRow);
    try {
      const ev = await api("/api/events/" + encodeURIComponent(id));
      clear(cell);
      cell.append(evidence(ev));
    } catch (err) { cell.textContent = String(err.message || err); }
  }

  function highlighted(sentence, marks) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const h of marks) {
      if (h.start < at) continue;
      frag.append(sentence.slice(at, h.start));
      frag.append(el("mark", { class: h.kind, title: h.kind, text: sentence.slice(h.start, h.end) }));
      at = h.end;
    }
    frag.append(sentence.slice(at));
    return frag;
  }

  function evidence(ev) {
    const box = el("div", { class: "evidence-box", "data-testid": "evidence" });
    const loc = ev.location ? [ev.location.name, ev.location.admin1, ev.location.country].filter(Boolean).join(", ") : "";
    box.append(el("div", { class: "source", text: `${ev.event_type}${ev.mode ? "/" + ev.mode : ""} · ${party(ev.actor)} → ${party(ev.recipient)}${loc ? " · " + loc : ""} · reported by ${ev.num_articles} article${ev.num_articles === 1 ? "" : "s"}` }));
    for (const m of ev.mentions) {
      const src = [m.title || m.doc_id, m.outlet, m.pub_date ? "published " + fmtDate(m.pub_date) : null, m.dead !== null && m.dead !== undefined ? `${m.dead} killed` : null].filter(Boolean).join(" · ");
      const head = m.url ? el("a", { href: m.url, rel: "noreferrer noopener", target: "_blank", text: src }) : el("span", { text: src });
      box.append(el("div", { class: "mention" }, el("div", { class: "source" }, head), el("div", { class: "sentence" }, highlighted(m.sentence, m.highlights))));
    }
    const kinds = [...new Set(ev.mentions.flatMap((m) => m.highlights.map((h) => h.kind)))];
    if (kinds.length) box.append(el("div", { class: "keys" }, ...kinds.map((k) => el("mark", { class: k, text: k }))));
    return box;
  }

  function markSelected() {
    for (const c of document.querySelectorAll("#map circle.event")) c.classList.toggle("sel", c.dataset.id === state.openEvent);
  }

  async function openEventById(id) {
    state.openEvent = id;
    markSelected();
    const existing = document.querySelector(`tr.row[data-id="${CSS.escape(id)}"]`);
    if (existing) { await toggleEvidence(existing, id, true); existing.scrollIntoView({ block: "nearest", behavior: "smooth" }); return; }
    const ev = await api("/api/events/" + encodeURIComponent(id)).catch(showError);
    if (!ev) return;
    const body = $("events-body");
    for (const old of document.querySelectorAll("tr.evidence")) old.remove();
    const row = eventRow(ev);
    row.classList.add("open");
    body.prepend(row);
    row.after(el("tr", { class: "evidence", "data-id": id }, el("td", { colspan: "6" }, evidence(ev))));
    row.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  // --- filters -----------------------------------------------------------------------------

  function renderChips() {
    const box = $("chips");
    clear(box);
    const chips = [];
    if (state.dyad) chips.push(["dyad " + state.dyad, () => { state.dyad = ""; state.selectedDyad = null; $("dyad-panel").hidden = true; for (const li of document.querySelectorAll(".dyad.sel")) li.classList.remove("sel"); }]);
    if (state.day) chips.push(["day " + state.day, () => { state.day = ""; }]);
    for (const [text, drop] of chips) {
      box.append(el("span", { class: "chip" }, text, el("button", {
        type: "button", "aria-label": "remove " + text, text: "×",
        onclick: () => { drop(); state.page = 1; renderChips(); refreshEvents(); },
      })));
    }
    box.hidden = !chips.length;
  }

  function refreshEvents() {
    return Promise.all([loadEvents(), loadMap(), loadTimeline()]).catch(showError);
  }

  async function refreshAll() {
    $("message").hidden = true;
    await Promise.all([loadChains().then(() => loadMap()), loadTimeline(), loadDyads(), loadEvents(), loadDyadChart()]).catch(showError);
    document.body.dataset.ready = "1";
  }

  function readForm() {
    state.since = $("f-since").value;
    state.until = $("f-until").value;
    state.type = $("f-type").value;
    state.q = $("f-q").value.trim();
    state.page = 1;
    state.day = "";
  }

  async function init() {
    initMapInteraction();
    const [meta, stats, world] = await Promise.all([api("/api/meta"), api("/api/stats"), api("/static/world.geojson")]);
    state.meta = meta;
    state.world = world;
    for (const t of meta.types) state.colors[t.name] = t.color;
    state.quadColors = meta.quad_colors;
    for (const t of meta.types) $("f-type").append(el("option", { value: t.name, text: t.name.toLowerCase() }));
    $("attribution").textContent = meta.map_attribution;
    $("stats").textContent = `${plural(stats.documents, "article")} · ${plural(stats.events, "event")} · ${plural(stats.mentions, "mention")}${stats.writable ? " · accepting documents" : ""}`;
    if (stats.view_until) {
      state.since = stats.view_since;
      state.until = stats.view_until;
      $("f-since").value = state.since;
      $("f-until").value = state.until;
    }
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); readForm(); refreshAll(); });
    $("prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); loadEvents().catch(showError); });
    $("next").addEventListener("click", () => { state.page += 1; loadEvents().catch(showError); });
    $("dyad-close").addEventListener("click", () => { state.dyad = ""; state.selectedDyad = null; $("dyad-panel").hidden = true; renderChips(); refreshEvents(); });
    await refreshAll();
  }

  document.addEventListener("DOMContentLoaded", () => { init().catch(showError); });
})();
