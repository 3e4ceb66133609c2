/* Draws the insights charts from the JSON in #insights-data. The tables beside them hold the same numbers,
   so if this script or ECharts is missing nothing is lost. Works on the page and in the offline report. */
(function () {
  "use strict";
  var COLOURS = ["#1f6f66", "#4a6fd1", "#8a5cc7", "#2f8f4e", "#c0392b", "#8a8f98", "#b7892d", "#14542a", "#5b8fa8"];
  var charts = [];

  function data() {
    var node = document.getElementById("insights-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  function small() { return window.matchMedia("(max-width: 640px)").matches; }

  function funnel(d) {
    if (!d.funnel.links.length) return null;
    var series = {
      type: "sankey", data: d.funnel.nodes.map(function (name) { return { name: name }; }),
      links: d.funnel.links.map(function (l) { return { source: l[0], target: l[1], value: l[2] }; }),
      emphasis: { focus: "adjacency" }, nodeWidth: 14, nodeGap: 10, left: 8, right: 130,
      lineStyle: { color: "gradient", opacity: 0.35 },
      label: { fontSize: 13, formatter: function (p) { return p.name + " (" + p.value + ")"; } }
    };
    if (small()) {
      // A phone is too narrow for labels beside the nodes: the flow runs top to bottom with each label
      // under its node. The nodes keep the data's order, and the labels of the last row (where the
      // applications ended) alternate between two lines, so that narrow neighbours never overlap.
      var sources = {};
      d.funnel.links.forEach(function (l) { sources[l[0]] = true; });
      var last = 0;
      series.data = d.funnel.nodes.map(function (name) {
        if (sources[name]) return { name: name };
        return { name: name, label: { distance: (last++ % 2) ? 30 : 4 } };
      });
      series.orient = "vertical";
      series.layoutIterations = 0;
      series.left = 12; series.right = 12; series.top = 8; series.bottom = 64;
      series.nodeWidth = 12; series.nodeGap = 18;
      series.label = { position: "bottom", fontSize: 11, lineHeight: 13,
                       formatter: function (p) { return p.name + " (" + p.value + ")"; } };
    }
    return { color: COLOURS, tooltip: { trigger: "item" }, series: [series] };
  }

  function sources(d) {
    if (!d.sources.length) return null;
    return {
      color: ["#8fb8b2", "#1f6f66"], tooltip: { trigger: "axis", valueFormatter: function (v) { return v + "%"; } },
      legend: { top: 0 }, grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: "category", data: d.sources.map(function (s) { return s.label + " (" + s.n + ")"; }),
               axisLabel: { interval: 0, rotate: small() ? 35 : 0 } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: "Heard back", type: "bar", data: d.sources.map(function (s) { return s.heard; }) },
        { name: "Moved forward", type: "bar", data: d.sources.map(function (s) { return s.forward; }) }
      ]
    };
  }

  function weekly(d) {
    var w = d.weekly;
    if (!w.weeks.length) return null;
    function series(name, values, goal, colour) {
      return { name: name, type: "bar", data: values, itemStyle: { color: colour },
               markLine: { symbol: "none", silent: true, lineStyle: { color: colour, type: "dashed" },
                           label: { formatter: "goal " + goal, color: colour }, data: [{ yAxis: goal }] } };
    }
    return {
      tooltip: { trigger: "axis" }, legend: { top: 0 },
      grid: { left: 8, right: 48, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: "category", data: w.weeks },
      // Keep every goal line in view even in weeks below it.
      yAxis: { type: "value", minInterval: 1, max: function (v) {
        return Math.max(v.max, w.goals.applications, w.goals.followups, w.goals.contacts) + 1; } },
      series: [
        series("Applications", w.applications, w.goals.applications, "#1f6f66"),
        series("Follow-ups", w.followups, w.goals.followups, "#4a6fd1"),
        series("People", w.contacts, w.goals.contacts, "#b7892d")
      ]
    };
  }

  var BUILDERS = { funnel: funnel, sources: sources, weekly: weekly };

  function draw() {
    if (!window.echarts) return;
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var d = data();
    if (!d) return;
    document.querySelectorAll("[data-chart]").forEach(function (node) {
      var option = BUILDERS[node.dataset.chart] && BUILDERS[node.dataset.chart](d);
      if (!option) return;
      var chart = window.echarts.init(node, null, { renderer: "svg" });
      option.animation = false;
      chart.setOption(option);
      charts.push(chart);
    });
  }

  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
  document.addEventListener("htmx:afterSettle", draw);
})();
