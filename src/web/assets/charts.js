// parallax web app: the timeline chart (uPlot) and the actor co-occurrence graph (Cytoscape), drawn from this
// origin's JSON API (data-series / data-graph attributes name the URL). Labels are set as text by the libraries
// (canvas), never as HTML, so no article string can run. Both have server-rendered tables beside them.
(() => {
  const css = getComputedStyle(document.documentElement);
  const color = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const PALETTE = ['#0b57a4', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d', '#4d7c0f', '#1d4ed8'];

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }

  function note(el, text) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = text;
    el.replaceChildren(p);
  }

  async function drawSeries(el) {
    // the series comes inline (an attribute the server escaped, read as data, never as markup) or from the API
    const data = el.dataset.values ? JSON.parse(el.dataset.values) : await getJson(el.dataset.series);
    if (!data.days.length) return note(el, 'No dated article to chart.');
    const xs = data.days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
    const shown = data.series.slice(0, PALETTE.length);
    const width = () => Math.max(280, el.clientWidth || 600);
    const fg = color('--fg', '#1b1b1b');
    const grid = color('--line', '#d6d6d6');
    const muted = color('--muted', '#5c5c5c');
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    // all outlets together as bars, each outlet as points: days are sparse, so no line joins them
    const total = xs.map((_, i) => data.series.reduce((n, s) => n + s.counts[i], 0));
    const bars = uPlot.paths.bars({ size: [0.6, 24, 4], align: 0 });
    const plot = new uPlot(
      {
        width: width(),
        height: 220,
        series: [
          {},
          { label: 'all outlets', stroke: muted, fill: muted, paths: bars, points: { show: false } },
          ...shown.map((s, i) => ({ label: s.key, stroke: PALETTE[i], width: 0, paths: () => null, points: { show: true, size: 8, fill: PALETTE[i] } })),
        ],
        axes: [axis, { ...axis, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100] }],
        scales: { x: { time: true, range: (_u, lo, hi) => [lo - 43200, hi + 43200] }, y: { range: (_u, _lo, hi) => [0, Math.max(1, hi)] } },
        legend: { live: false },
      },
      // an outlet with nothing that day shows no point (null), not a point at zero
      [xs, total, ...shown.map((s) => s.counts.map((n) => (n > 0 ? n : null)))],
      el,
    );
    addEventListener('resize', () => plot.setSize({ width: width(), height: 220 }));
  }

  async function drawGraph(el) {
    const data = await getJson(el.dataset.graph);
    if (!data.nodes.length) return note(el, 'No actor to draw.');
    const max = Math.max(1, ...data.nodes.map((n) => n.mentions));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.sentences));
    const fg = color('--fg', '#1b1b1b');
    const accent = color('--accent', '#0b57a4');
    const colours = { PERSON: PALETTE[0], ORG: PALETTE[1], GPE: PALETTE[2], LOC: PALETTE[3], MISC: PALETTE[6] };
    const cy = cytoscape({
      container: el,
      elements: [
        ...data.nodes.map((n) => ({ data: { id: n.id, actor: n.actor, label: n.name, size: 14 + 36 * Math.sqrt(n.mentions / max), colour: colours[n.type] ?? accent } })),
        ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, w: 1 + 7 * (e.sentences / maxEdge) } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)', height: 'data(size)', color: fg, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3 } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': color('--line', '#aaa'), opacity: 0.8 } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': fg } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 },
      wheelSensitivity: 0.2,
    });
    cy.on('tap', 'node', (ev) => {
      // the node's corpus actor (`actor`), which has the page; none when the corpus linker kept no mention of it
      const actor = ev.target.data('actor');
      if (actor) location.href = `/actors/${encodeURIComponent(actor)}`;
    });
  }

  for (const el of document.querySelectorAll('[data-series], [data-values]')) {
    if (typeof uPlot === 'undefined') break;
    drawSeries(el).catch((err) => note(el, `The chart could not be drawn (${err.message}).`));
  }
  for (const el of document.querySelectorAll('[data-graph]')) {
    if (typeof cytoscape === 'undefined') break;
    drawGraph(el).catch((err) => note(el, `The graph could not be drawn (${err.message}).`));
  }
})();
