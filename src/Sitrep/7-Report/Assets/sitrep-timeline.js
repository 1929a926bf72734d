// Draws every story's events-per-day chart (TimelineChart.cs writes its data as JSON) with d3:
// bars stacked by kind, one per day, and the story's main events named over their days in as
// many rows as their labels need. Redrawn when the page's width changes.
(() => {
  "use strict";
  const Colours = { strike: "#c62828", capture: "#e06c00", displacement: "#6a1b9a", other: "#455a64" };
  const parseDay = day => new Date(day + "T00:00:00Z");
  const charts = [...document.querySelectorAll("figure.chart[data-story]")].map(figure =>
    ({ view: figure.querySelector(".chart-view"), data: JSON.parse(figure.querySelector("script.chart-data").textContent) }));
  let width = 0;
  const drawAll = () => {
    if (charts.length === 0 || charts[0].view.clientWidth === width) return;
    width = charts[0].view.clientWidth;
    for (const chart of charts) draw(chart.view, chart.data);
  };
  drawAll();
  window.addEventListener("resize", drawAll);

  function draw(view, data) {
    const width = Math.max(280, view.clientWidth), narrow = width < 600;
    const days = data.days.map(d => ({ day: parseDay(d.day), text: d.day, ...Object.fromEntries(data.kinds.map((k, i) => [k, d.counts[i]])) }));
    const first = d3.utcDay.offset(days[0].day, -1), last = d3.utcDay.offset(days[days.length - 1].day, 1);
    const x = d3.scaleUtc().domain([first, last]);
    const main = data.main.slice(0, narrow ? 3 : data.main.length)
      .map(m => ({ ...m, day: parseDay(m.day) })).sort((a, b) => a.day - b.day);

    const svg = d3.select(view).html("").append("svg").attr("class", "timeline-chart").attr("width", width);
    const margin = { left: 30, right: 24, bottom: 24 };
    x.range([margin.left, width - margin.right]);
    const label = lanes(svg, main, x, width);
    const top = 8 + label.rows * 16, plot = 150, height = top + plot + margin.bottom + 18;
    svg.attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const y = d3.scaleLinear().domain([0, Math.max(1, ...data.days.map(d => d.counts.reduce((a, b) => a + b, 0)))]).nice().range([top + plot, top]);
    const band = Math.max(2, Math.min(40, (x(d3.utcDay.offset(first, 1)) - x(first)) * 0.8));

    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${top + plot})`)
      .call(d3.axisBottom(x).ticks(d3.utcDay.every(Math.max(1, Math.ceil(d3.utcDay.count(first, last) / Math.floor(width / 70))))).tickFormat(d3.utcFormat("%b %-d")));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).ticks(Math.min(5, y.domain()[1])).tickFormat(v => Number.isInteger(v) ? v : ""));

    const series = d3.stack().keys(data.kinds)(days);
    svg.append("g").selectAll("g").data(series).join("g").attr("class", s => `bars ${s.key}`).attr("fill", s => Colours[s.key] || Colours.other)
      .selectAll("rect").data(s => s.filter(point => point[1] > point[0]).map(point => ({ point, kind: s.key }))).join("rect")
      .attr("x", d => x(d.point.data.day) - band / 2).attr("width", band)
      .attr("y", d => y(d.point[1])).attr("height", d => y(d.point[0]) - y(d.point[1]))
      .attr("data-day", d => d.point.data.text).attr("data-count", d => d.point[1] - d.point[0])
      .append("title").text(d => `${d.point.data.text}: ${d.point[1] - d.point[0]} ${d.kind}`);

    // Each main event: a rule from its label down to its day's bar, the label in its row above.
    const marks = svg.append("g").attr("class", "main-events").selectAll("g").data(main).join("g").attr("class", "main-event");
    marks.append("line").attr("x1", m => x(m.day)).attr("x2", m => x(m.day)).attr("y1", m => 12 + m.row * 16).attr("y2", top + plot);
    marks.append("text").attr("x", m => x(m.day) + (m.anchor === "end" ? -3 : 3)).attr("y", m => 10 + m.row * 16)
      .attr("text-anchor", m => m.anchor).text(m => m.shown).append("title").text(m => `${m.day.toISOString().slice(0, 10)}: ${m.text}`);

    // The key, in a row under the axis.
    const legend = svg.append("g").attr("class", "legend").attr("transform", `translate(${margin.left},${height - 10})`);
    let along = 0;
    for (const k of data.kinds.filter(k => days.some(d => d[k] > 0))) {
      const item = legend.append("g").attr("transform", `translate(${along},0)`);
      item.append("rect").attr("y", -9).attr("width", 10).attr("height", 10).attr("fill", Colours[k] || Colours.other);
      along += 14 + item.append("text").attr("x", 14).text(k).node().getComputedTextLength() + 12;
    }
  }

  /**
   * Gives each main event a row and a shortened label so that no two labels overlap: a label
   * takes the first row where it fits, and is cut to at most a third of the chart's width.
   */
  function lanes(svg, main, x, width) {
    const probe = svg.append("g").attr("class", "main-event").append("text"); // styled as the labels, to measure them
    const ends = [];
    for (const m of main) {
      let shown = m.text, room = width * (width < 600 ? 0.6 : 0.33);
      probe.text(shown);
      while (shown.length > 8 && probe.node().getComputedTextLength() > room) probe.text(shown = shown.slice(0, Math.floor(shown.length * 0.85)).trimEnd() + "…");
      const length = probe.node().getComputedTextLength(), at = x(m.day);
      m.anchor = at + length + 6 > width ? "end" : "start";
      const [left, right] = m.anchor === "end" ? [at - length - 6, at] : [at, at + length + 6];
      let row = ends.findIndex(end => end < left);
      if (row < 0) row = ends.push(0) - 1;
      ends[row] = right;
      Object.assign(m, { shown, row });
    }
    probe.node().parentNode.remove();
    return { rows: ends.length };
  }
})();
