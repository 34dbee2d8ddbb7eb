// The dashboard's page: reads snapshots pushed on /events and draws each pool. Keeps the last
// HISTORY points of each pool's rates for its chart, and nothing else, however long it runs.
"use strict";
const HISTORY = 120;
const charts = new Map(); // pool name -> {last: {at, done, failed}, points: [{done, failed}]}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function ms(value) {
  if (value >= 60000) return (value / 60000).toFixed(1) + " min";
  if (value >= 1000) return (value / 1000).toFixed(2) + " s";
  return value.toFixed(value < 10 ? 2 : 0) + " ms";
}

function bytes(value) {
  if (value <= 0) return "–";
  const mb = value / (1024 * 1024);
  return mb >= 1024 ? (mb / 1024).toFixed(1) + " GiB" : mb.toFixed(1) + " MiB";
}

function rates(pool, at) {
  let chart = charts.get(pool.name);
  if (!chart) {
    chart = {last: null, points: []};
    charts.set(pool.name, chart);
  }
  if (chart.last && at > chart.last.at) {
    const seconds = (at - chart.last.at) / 1000;
    chart.points.push({
      done: Math.max(0, pool.done - chart.last.done) / seconds,
      failed: Math.max(0, pool.failed - chart.last.failed) / seconds,
    });
    if (chart.points.length > HISTORY) chart.points.shift();
  }
  chart.last = {at, done: pool.done, failed: pool.failed};
  return chart.points;
}

function drawChart(canvas, points) {
  const width = canvas.clientWidth || 600, height = canvas.clientHeight || 120;
  canvas.width = width * devicePixelRatio;
  canvas.height = height * devicePixelRatio;
  const g = canvas.getContext("2d");
  g.scale(devicePixelRatio, devicePixelRatio);
  const top = Math.max(1, ...points.map(p => Math.max(p.done, p.failed)));
  g.fillStyle = "#777";
  g.font = "11px system-ui, sans-serif";
  g.fillText(top.toFixed(top < 10 ? 1 : 0) + "/s", 4, 12);
  for (const [key, color] of [["done", "#2e7d32"], ["failed", "#c62828"]]) {
    g.strokeStyle = color;
    g.lineWidth = 1.5;
    g.beginPath();
    points.forEach((p, i) => {
      const x = width - (points.length - 1 - i) * (width / (HISTORY - 1));
      const y = height - 4 - (p[key] / top) * (height - 20);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
  }
}

function count(kind, label, value) {
  return el("div", {class: "count " + kind}, el("b", {class: kind}, value), el("span", {}, label));
}

function workersTable(pool) {
  const head = el("tr", {}, ...["worker", "pid", "host", "state"].map(h => el("th", {}, h)),
    ...["tasks", "working", "waiting", "moving data", "start-up", "init", "memory"].map(h => el("th", {class: "n"}, h)));
  const rows = pool.workers.map(w => el("tr", {class: "worker " + w.state},
    el("td", {}, w.name), el("td", {class: "n"}, w.pid), el("td", {}, w.host || "here"), el("td", {}, w.state),
    el("td", {class: "n"}, w.tasksDone), el("td", {class: "n"}, ms(w.workingMs)), el("td", {class: "n"}, ms(w.waitingMs)),
    el("td", {class: "n"}, ms(w.movingMs)), el("td", {class: "n"}, ms(w.startUpMs)), el("td", {class: "n"}, ms(w.initMs)),
    el("td", {class: "n"}, bytes(w.memoryBytes))));
  return el("table", {class: "workers"}, el("thead", {}, head), el("tbody", {}, ...rows));
}

function slowestTable(pool) {
  const head = el("tr", {}, el("th", {class: "n"}, "took"), el("th", {}, "function"), el("th", {}, "arguments"),
    el("th", {}, "worker"));
  const rows = pool.slowest.map(t => el("tr", {class: "slow-task"}, el("td", {class: "n"}, ms(t.tookMs)),
    el("td", {}, t.function), el("td", {}, t.arguments), el("td", {}, t.worker)));
  return el("table", {class: "slowest"}, el("thead", {}, head), el("tbody", {}, ...rows));
}

function failures(pool) {
  // The latest is open; the rest show their summary line, a click away.
  return el("div", {class: "failures"}, ...pool.failures.map((f, i) => el("details",
    {class: "failure", "data-key": pool.name + "|" + f.at + "|" + f.function + "|" + f.arguments},
    el("summary", {}, new Date(f.at).toLocaleTimeString() + " — " + f.function + "(" + f.arguments + ")"
      + (f.worker ? " in " + f.worker : "")),
    el("pre", {class: "traceback"}, f.traceback))));
}

function poolCard(pool, at) {
  rates(pool, at);
  const canvas = el("canvas", {class: "chart"});
  const card = el("section", {class: "pool", "data-pool": pool.name, "data-kind": pool.kind},
    el("div", {class: "pool-head"}, el("h2", {}, pool.name), el("span", {class: "kind muted"}, pool.kind),
      el("span", {class: "state"}, pool.state),
      el("span", {class: "muted"}, el("b", {class: "worker-count"}, pool.workers.length), " workers")),
    el("div", {class: "counts"}, count("queued", "queued", pool.queued), count("running", "running", pool.running),
      count("done", "done", pool.done), count("failed", "failed", pool.failed)),
    canvas,
    el("div", {class: "legend"}, el("span", {class: "d"}, "— done/s"), " ", el("span", {class: "f"}, "— failed/s")),
    el("h3", {}, "Workers"), workersTable(pool));
  if (!pool.recording) {
    card.append(el("p", {class: "muted"}, "This pool records no insights: build it with insights(true), "
      + "or open the dashboard before making it, to see times, the slowest tasks and tracebacks."));
  }
  if (pool.slowest.length) card.append(el("h3", {}, "Slowest tasks"), slowestTable(pool));
  if (pool.failures.length) card.append(el("h3", {}, "Failures"), failures(pool));
  charts.get(pool.name).canvas = canvas;
  return card;
}

// Which tracebacks the reader has opened or closed, so a redraw keeps them so; the latest one of
// each pool starts open.
const toggled = new Map();

function show(snapshot) {
  const main = document.getElementById("pools");
  main.replaceChildren(...snapshot.pools.map(p => poolCard(p, snapshot.at)));
  for (const p of snapshot.pools) {
    const chart = charts.get(p.name);
    drawChart(chart.canvas, chart.points); // drawn once in the page, where the canvas has its size
  }
  for (const d of main.querySelectorAll("details.failure")) {
    const first = d === d.parentNode.firstElementChild;
    d.open = toggled.has(d.dataset.key) ? toggled.get(d.dataset.key) : first;
    d.addEventListener("toggle", () => toggled.set(d.dataset.key, d.open));
  }
  if (toggled.size > 1000) toggled.clear();
  for (const name of [...charts.keys()]) {
    if (!snapshot.pools.some(p => p.name === name)) charts.delete(name);
  }
  document.getElementById("empty").hidden = snapshot.pools.length > 0;
  const error = document.getElementById("error");
  error.hidden = !snapshot.error;
  error.textContent = snapshot.error || "";
  document.getElementById("updated").textContent = "updated " + new Date(snapshot.at).toLocaleTimeString();
}

function connect() {
  const status = document.getElementById("status");
  const events = new EventSource("/events");
  events.onopen = () => { status.textContent = "live"; status.className = "status live"; };
  events.onmessage = e => show(JSON.parse(e.data));
  events.onerror = () => { status.textContent = "reconnecting…"; status.className = "status lost"; };
}

connect();
