// alinea's HTML report: builds the overview and each plan's page from the JSON data of the
// page. The overview's data is parsed at once; a plan's block (`p-<N>`) and the trace
// graphs' node table (`nodes`) only when a plan's page is opened. Every text from a plan is
// written with textContent (never as markup); the data's words are the run's language. No
// request leaves the page.
(function () {
  'use strict';
  var started = performance.now();
  var errors = [];
  function recordError(text) {
    errors.push(String(text));
    document.body.setAttribute('data-errors', String(errors.length));
    var box = document.getElementById('script-errors');
    if (!box) {
      box = el('section', { id: 'script-errors', role: 'alert' }, el('h2', null, 'alinea'));
      document.body.appendChild(box);
    }
    box.appendChild(el('p', null, String(text)));
  }
  window.addEventListener('error', function (event) { recordError(event.message); });
  window.addEventListener('unhandledrejection', function (event) { recordError(event.reason); });
  // Anything the policy blocks (a request, an inline handler) is an error of the page.
  document.addEventListener('securitypolicyviolation', function (event) {
    recordError('blocked by the policy: ' + event.violatedDirective + ' ' + event.blockedURI);
  });

  function parse(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  var D = parse('data');
  var W = D.words;
  var main = document.getElementById('main');
  var SVG = 'http://www.w3.org/2000/svg';
  var ICONS = ['✖', '▲', 'ℹ'];
  var SEVERITY_CLASS = ['error', 'warning', 'info'];
  var PAGE = 200;
  // The severities as headings write them (a finding's label keeps the lower case).
  var SEVERITIES = D.severities.map(function (word) { return word.charAt(0).toUpperCase() + word.slice(1); });

  var byKey = {};
  var ruleIndex = {};
  var findingCount = 0;
  D.plans.forEach(function (plan, index) { byKey[plan.key] = index; findingCount += total(plan.counts); });
  D.rules.forEach(function (rule, index) { ruleIndex[rule.id] = index; });

  // The rest of a plan's page, and the trace graphs' node table, parsed when first needed.
  var details = {};
  function detail(index) {
    if (!(index in details)) details[index] = parse('p-' + index);
    return details[index];
  }
  var nodeData = null;
  var DIGIT = {};
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'.split('').forEach(function (c, i) { DIGIT[c] = i; });
  // The base-64 number of `width` digits at `at` in `text`.
  function number(text, at, width) {
    var value = 0;
    for (var i = 0; i < width; i++) value = value * 64 + DIGIT[text.charAt(at + i)];
    return value;
  }
  function nodeTable() {
    if (!nodeData) {
      nodeData = parse('nodes');
      nodeData.statement = {};
      nodeData.statements.forEach(function (pair) { nodeData.statement[pair[0]] = pair[1]; });
    }
    return nodeData;
  }

  // ---- helpers ------------------------------------------------------------------------
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  // Replaces the view's content (nulls skipped, arrays flattened).
  function show() {
    main.textContent = '';
    for (var i = 0; i < arguments.length; i++) append(main, arguments[i]);
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function percent(score) {
    return score === null || score === undefined ? 'n/a' : Math.round(score * 100) + ' %';
  }
  function planHref(key) { return '#plan/' + encodeURIComponent(key); }
  function severityLabel(s) {
    return el('span', { 'class': 'sev ' + SEVERITY_CLASS[s] }, el('span', { 'aria-hidden': 'true' }, ICONS[s] + ' '), D.severities[s]);
  }
  function heading(level, text, id) { return el('h' + level, id ? { id: id, tabindex: '-1' } : null, text); }
  function total(counts) { return counts[0] + counts[1] + counts[2]; }
  function table(caption, headers, rows, cls) {
    return el('table', cls ? { 'class': cls } : null,
      caption ? el('caption', null, caption) : null,
      el('thead', null, el('tr', null, headers.map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, rows));
  }

  // ---- overview -----------------------------------------------------------------------
  var state = { region: '', kind: '', rule: '', text: '', sort: '', dir: 1, limit: PAGE };

  function overview() {
    var s = D.summary;
    var stats = el('dl', { 'class': 'stats' },
      stat(W.files, s.files, 'count-files'),
      stat(W.plans, D.plans.filter(function (p) { return p.kind; }).length, 'count-plans'),
      stat(W.findings, findingCount, 'count-findings'),
      stat(SEVERITIES[0], s.errors, 'count-errors', 'error'),
      stat(SEVERITIES[1], s.warnings, 'count-warnings', 'warning'),
      stat(SEVERITIES[2], s.infos, 'count-infos', 'info'),
      stat(W.suppressed, s.suppressed, 'count-suppressed'),
      stat(W['not-transcribed'], s.not_transcribed, 'count-unknown'),
      stat(W['rules-run'], s.rules, 'count-rules'));
    var families = table(W['by-family'], [W.family].concat(SEVERITIES, [W.total]),
      D.families.map(function (f) {
        return el('tr', null, el('th', { scope: 'row' }, f.family), f.counts.map(function (c) { return el('td', { 'class': 'num' }, c); }), el('td', { 'class': 'num' }, total(f.counts)));
      }), 'compact');
    var ruleRows = D.rules.map(function (r, i) { return [r, i]; })
      .filter(function (pair) { return total(pair[0].counts) > 0; })
      .sort(function (a, b) { return total(b[0].counts) - total(a[0].counts) || (a[0].id < b[0].id ? -1 : 1); })
      .map(function (pair) {
        var r = pair[0];
        return el('tr', null, el('th', { scope: 'row' }, el('code', null, r.id)), el('td', null, r.slug),
          el('td', null, r.title), r.counts.map(function (c) { return el('td', { 'class': 'num' }, c); }));
      });
    var rules = table(W['by-rule'], [W.rule, W.slug, W['title-col']].concat(SEVERITIES), ruleRows, 'compact');
    show(
      heading(2, W.summary, 'view-title'), stats,
      el('div', { 'class': 'side-by-side' }, families, rules),
      heading(2, W['plans-heading']), filters(), el('p', { id: 'shown', 'aria-live': 'polite' }),
      el('p', { id: 'sorted', 'class': 'small' }),
      el('div', { 'class': 'scroll' }, el('table', { id: 'plans', 'class': 'plans' }, planHead(), el('tbody'))),
      el('p', null, el('button', { type: 'button', id: 'more', 'class': 'no-print' }, W['show-more'])));
    document.getElementById('more').addEventListener('click', function () { state.limit += PAGE * 5; drawPlans(); });
    drawPlans();
  }

  // The filters and the order live in the address
  // (`#overview?kind=pei&region=22&rule=ART-01&q=text&sort=-s0`, `-` for descending), so that
  // a filtered list can be linked to; typing replaces the address, it adds no history.
  var FILTERS = { region: 'region', kind: 'kind', rule: 'rule', q: 'text' };
  function remember() {
    var parts = [];
    Object.keys(FILTERS).forEach(function (k) { if (state[FILTERS[k]]) parts.push(k + '=' + encodeURIComponent(state[FILTERS[k]])); });
    if (state.sort) parts.push('sort=' + (state.dir < 0 ? '-' : '') + state.sort);
    history.replaceState(null, '', parts.length ? '#overview?' + parts.join('&') : '#');
  }
  function recall(query) {
    Object.keys(FILTERS).forEach(function (k) { state[FILTERS[k]] = ''; });
    state.sort = ''; state.dir = 1;
    query.split('&').forEach(function (pair) {
      var cut = pair.indexOf('=');
      var k = pair.slice(0, cut), value = decodeURIComponent(pair.slice(cut + 1));
      if (cut > 0 && FILTERS[k]) state[FILTERS[k]] = value;
      var column = value.replace(/^-/, '');
      if (k === 'sort' && COLUMNS.some(function (c) { return c[0] === column; })) {
        state.sort = column;
        state.dir = value.charAt(0) === '-' ? -1 : 1;
      }
    });
    state.limit = PAGE;
  }

  function stat(label, value, id, cls) {
    return el('div', { 'class': 'stat' + (cls ? ' ' + cls : '') }, el('dt', null, cls ? [el('span', { 'aria-hidden': 'true' }, ICONS[SEVERITY_CLASS.indexOf(cls)] + ' '), label] : label), el('dd', { id: id }, value));
  }

  function filters() {
    function select(name, label, options) {
      var node = el('select', { id: 'filter-' + name }, el('option', { value: '' }, W.all),
        options.map(function (o) { return el('option', { value: o[0] }, o[1]); }));
      node.value = state[name];
      node.addEventListener('change', function () { state[name] = node.value; state.limit = PAGE; remember(); drawPlans(); });
      return el('label', null, label + ' ', node);
    }
    var regions = {};
    D.plans.forEach(function (p) { if (p.territory) regions[p.territory.slice(0, 2)] = true; });
    var regionOptions = Object.keys(regions).sort().map(function (code) { return [code, code + ' · ' + (D.groups[code] || '')]; });
    regionOptions.unshift(['-', W.national]);
    var kinds = {};
    D.plans.forEach(function (p) { if (p.kind) kinds[p.kind] = true; });
    var kindOptions = D.kinds.filter(function (k) { return kinds[k[0]]; });
    var ruleOptions = D.rules.filter(function (r) { return total(r.counts) > 0; })
      .map(function (r) { return [r.id, r.id + ' ' + r.slug]; });
    var text = el('input', { type: 'search', id: 'filter-text', placeholder: W['filter-text-hint'] });
    text.value = state.text;
    text.addEventListener('input', function () { state.text = text.value; state.limit = PAGE; remember(); drawPlans(); });
    return el('form', { 'class': 'filters no-print', role: 'search' },
      select('region', W['filter-region'], regionOptions), select('kind', W['filter-kind'], kindOptions),
      select('rule', W['filter-rule'], ruleOptions), el('label', null, W['filter-text'] + ' ', text));
  }

  var COLUMNS = [
    ['plan', W['col-plan']], ['kind', W['col-kind']], ['entity', W['col-entity']], ['territory', W['col-territory']],
    ['p0', D.pillars[0]], ['p1', D.pillars[1]], ['p2', D.pillars[2]], ['money', W['col-money']],
    ['s0', SEVERITIES[0]], ['s1', SEVERITIES[1]], ['s2', SEVERITIES[2]]];

  function planHead() {
    return el('thead', null, el('tr', null, COLUMNS.map(function (c) {
      var sorted = state.sort === c[0];
      var button = el('button', { type: 'button', 'class': 'sort', title: W['sort-hint'] }, c[1], sorted ? (state.dir > 0 ? ' ▲' : ' ▼') : '');
      button.addEventListener('click', function () {
        if (state.sort === c[0]) state.dir = -state.dir; else { state.sort = c[0]; state.dir = c[0][0] === 's' || c[0][0] === 'm' ? -1 : 1; }
        resort();
      });
      return el('th', { scope: 'col', 'aria-sort': sorted ? (state.dir > 0 ? 'ascending' : 'descending') : 'none' }, button);
    })));
  }

  function resort() {
    document.querySelector('#plans thead').replaceWith(planHead());
    remember();
    drawPlans();
  }

  // Sorted by a column, the rows lose their headings by territory: the note says so, and
  // offers the order by territory back.
  function sortNote() {
    var note = document.getElementById('sorted');
    note.textContent = '';
    note.hidden = !state.sort;
    if (!state.sort) return;
    var name = COLUMNS.filter(function (c) { return c[0] === state.sort; })[0][1];
    var back = el('button', { type: 'button', id: 'territory-order', 'class': 'no-print' }, W['territory-order']);
    back.addEventListener('click', function () { state.sort = ''; state.dir = 1; resort(); });
    append(note, [fill(W['sorted-note'], { column: name }), ' ', back]);
  }

  function sortValue(p, column) {
    switch (column) {
      case 'plan': return p.id || p.title;
      case 'kind': return p.kind;
      case 'entity': return p.entity;
      case 'territory': return p.territory;
      case 'p0': case 'p1': case 'p2': var s = p.scores[Number(column[1])]; return s === null ? -1 : s;
      case 'money': return p.money ? p.money.chain : -1;
      default: return p.counts[Number(column[1])];
    }
  }

  function matches(p) {
    if (state.region === '-' && p.territory) return false;
    if (state.region && state.region !== '-' && p.territory.slice(0, 2) !== state.region) return false;
    if (state.kind && p.kind !== state.kind) return false;
    if (state.rule !== '') {
      if (!p.r || p.r.indexOf(ruleIndex[state.rule]) < 0) return false;
    }
    if (state.text) {
      var needle = state.text.toLowerCase();
      var hay = (p.id + ' ' + p.title + ' ' + p.entity + ' ' + p.territory).toLowerCase();
      if (hay.indexOf(needle) < 0) return false;
    }
    return true;
  }

  function drawPlans() {
    var begun = performance.now();
    var list = [];
    for (var i = 0; i < D.plans.length; i++) if (matches(D.plans[i])) list.push(i);
    if (state.sort) {
      var column = state.sort, dir = state.dir;
      list.sort(function (a, b) {
        var x = sortValue(D.plans[a], column), y = sortValue(D.plans[b], column);
        return (x < y ? -1 : x > y ? 1 : 0) * dir || a - b;
      });
    }
    var shown = Math.min(list.length, state.limit);
    var body = el('tbody');
    var last = ['', '', '', ''];
    for (var n = 0; n < shown; n++) {
      var p = D.plans[list[n]];
      if (!state.sort) groupRows(body, p, last);
      body.appendChild(planRow(p));
    }
    if (list.length === 0) body.appendChild(el('tr', null, el('td', { colspan: String(COLUMNS.length) }, W['no-plans'])));
    document.querySelector('#plans tbody').replaceWith(body);
    document.getElementById('shown').textContent = fill(W.shown, { shown: shown, total: list.length });
    document.getElementById('more').hidden = shown >= list.length;
    sortNote();
    document.body.setAttribute('data-rows', String(shown));
    // What a change of filter or order costs: matching, sorting and drawing the rows.
    document.body.setAttribute('data-draw-ms', String(Math.round(performance.now() - begun)));
  }

  // Group headings (region, province, district, entity) before the first plan of each.
  function groupRows(body, p, last) {
    var t = p.territory || '';
    var levels = t ? [t.slice(0, 2), t.length >= 4 ? t.slice(0, 4) : '', t.length >= 6 ? t.slice(0, 6) : ''] : ['-', '', ''];
    var words = [W.region, W.province, W.district];
    for (var level = 0; level < 3; level++) {
      if (levels[level] !== last[level]) {
        for (var reset = level; reset < 4; reset++) last[reset] = '';
        last[level] = levels[level];
        if (!levels[level]) continue;
        var text = levels[level] === '-' ? W.national : (words[level] + ' ' + levels[level] + (D.groups[levels[level]] ? ' · ' + D.groups[levels[level]] : ''));
        body.appendChild(el('tr', { 'class': 'group g' + level }, el('th', { scope: 'colgroup', colspan: String(COLUMNS.length) }, text)));
      }
    }
    var entity = p.entity || p.title;
    if (entity !== last[3]) {
      last[3] = entity;
      body.appendChild(el('tr', { 'class': 'group g3' }, el('th', { scope: 'colgroup', colspan: String(COLUMNS.length) }, entity,
        p.entity_type ? el('span', { 'class': 'muted' }, ' · ' + p.entity_type) : null)));
    }
  }

  function planRow(p) {
    return el('tr', null,
      el('th', { scope: 'row' }, el('a', { href: planHref(p.key) }, p.id || p.title), p.id && p.title ? el('div', { 'class': 'muted small' }, p.title) : null),
      el('td', null, p.kind_word), el('td', null, p.entity), el('td', null, p.territory),
      p.scores.map(function (s) {
        return el('td', { 'class': 'num' }, percent(s), s === null ? null : el('meter', { min: '0', max: '1', value: String(s), 'aria-hidden': 'true' }));
      }),
      el('td', { 'class': 'small' }, p.money ? p.money.text : ''),
      p.counts.map(function (c, s) { return el('td', { 'class': 'num' + (c ? ' ' + SEVERITY_CLASS[s] : '') }, c); }));
  }

  // ---- plan page ----------------------------------------------------------------------
  // A plan's page; with `only`, the plan's heading and that one section (a link to the
  // trace graph alone, for instance).
  function planPage(key, only) {
    var index = byKey[key];
    if (index === undefined) {
      show(heading(2, W['plan-not-found'], 'view-title'), el('p', null, el('a', { href: '#' }, '← ' + W.back)));
      return;
    }
    var p = D.plans[index];
    var d = detail(index);
    var facts = el('dl', { 'class': 'facts' });
    [[W['col-plan'], p.id], [W['col-kind'], p.kind_word], [W.entity, p.entity + (p.entity_type ? ' (' + p.entity_type + (d.level ? ', ' + d.level : '') + ')' : '')],
      [W['col-territory'], p.territory], [W.period, d.period], [W.status, d.status], [W.file, D.files[d.file]]]
      .forEach(function (f) { if (f[1]) { facts.appendChild(el('dt', null, f[0])); facts.appendChild(el('dd', null, f[1])); } });
    var sections = {
      profile: function () { return el('section', { id: 'profile', 'aria-labelledby': 'profile-h' }, heading(3, W.profile, 'profile-h'), profile(p, d)); },
      findings: function () {
        var findings = d.findings.map(function (f) { return findingView(f, d); });
        return el('section', { id: 'findings', 'aria-labelledby': 'findings-h', 'data-count': String(d.findings.length) },
          heading(3, W['findings-heading'] + ' (' + d.findings.length + ')', 'findings-h'),
          findings.length ? el('ol', { 'class': 'findings' }, findings) : el('p', null, W['no-findings']));
      },
      trace: function () { return el('section', { id: 'trace', 'aria-labelledby': 'trace-h' }, heading(3, W.trace, 'trace-h'), traceView(d.trace)); },
      coverage: function () { return d.coverage ? el('section', { id: 'coverage', 'aria-labelledby': 'coverage-h' }, heading(3, W.coverage, 'coverage-h'), coverageView(d.coverage)) : null; },
      waivers: function () { return waivers(d); }
    };
    var shown = only ? [only] : ['profile', 'findings', 'trace', 'coverage', 'waivers'];
    var links = [el('a', { href: '#' }, '← ' + W.back)];
    if (only) links.push(' · ', el('a', { href: planHref(p.key) }, p.id || p.title));
    show(
      el('p', { 'class': 'no-print' }, links),
      heading(2, p.title || p.id, 'view-title'), only ? null : facts,
      shown.map(function (name) { return sections[name](); }));
  }

  function profile(p, d) {
    var size = D.triangle.corners;
    var full = size.map(function (c) { return c[0] + ',' + c[1]; }).join(' ');
    var labels = size.map(function (c, i) {
      var anchor = 'middle';
      var dy = i === 0 ? -8 : 20;
      return svg('text', { x: String(c[0]), y: String(c[1] + dy), 'text-anchor': anchor, 'class': 'axis-label' }, D.pillars[i] + ' ' + percent(p.scores[i]));
    });
    var axes = size.map(function (c) { return svg('line', { x1: '0', y1: '0', x2: String(c[0]), y2: String(c[1]), 'class': 'axis' }); });
    var rings = [0.5].map(function (r) { return svg('polygon', { points: size.map(function (c) { return c[0] * r + ',' + c[1] * r; }).join(' '), 'class': 'ring' }); });
    var drawing = svg('svg', { viewBox: D.triangle.view_box, width: '300', height: '206', role: 'img', 'aria-label': W.profile + ': ' + D.pillars.map(function (name, i) { return name + ' ' + percent(p.scores[i]); }).join(', '), 'class': 'triangle' },
      svg('polygon', { points: full, 'class': 'full' }), rings, axes, svg('polygon', { points: d.points, 'class': 'score' }), labels);
    var rows = D.pillars.map(function (name, i) {
      return el('tr', null, el('th', { scope: 'row' }, name), el('td', { 'class': 'num' }, percent(p.scores[i])), el('td', null, d.checks[i].join(' · ')));
    });
    return el('div', { 'class': 'profile' }, el('figure', null, drawing, el('figcaption', { 'class': 'small muted' }, W['profile-note'])),
      el('div', null, table(null, [W.pillar, W.score, W.checks], rows, 'compact'),
        el('p', null, el('strong', null, W.money + ': '), p.money ? p.money.text : W['no-money'])));
  }

  function findingView(f, d) {
    var rule = D.rules[f.r];
    var name = D.files[f.f];
    var item = el('li', { 'class': 'finding ' + SEVERITY_CLASS[f.s] },
      el('h4', null, severityLabel(f.s), ' ', el('code', null, rule.id), ' ', el('span', { 'class': 'muted' }, rule.slug), f.e ? [' · ', el('code', null, f.e)] : null),
      el('p', { 'class': 'message' }, f.m),
      el('p', { 'class': 'small' }, W.location + ': ', el('code', null, name + ':' + f.l + ':' + f.c)),
      source(d.lines[f.f] || [], f));
    if (f.h) item.appendChild(el('p', { 'class': 'help' }, el('strong', null, W.help + ': '), f.h));
    if (f.x && f.x.length) {
      item.appendChild(el('div', { 'class': 'small' }, W.related + ':', el('ul', null, f.x.map(function (x) {
        return el('li', null, el('code', null, D.files[x[0]] + ':' + x[1]), ' ', x[2]);
      }))));
    }
    return item;
  }

  // The source lines around a span, numbered, the span marked (text only, never markup).
  function source(shown, f) {
    var first = Math.max(1, f.l - 2), last = Math.min(f.el, f.l + 6) + 2;
    // `shown`: runs of consecutive lines, `[first line, [text, …]]`.
    var lines = {};
    shown.forEach(function (run) {
      run[1].forEach(function (text, i) { var n = run[0] + i; if (n >= first && n <= last) lines[n] = text; });
    });
    var block = el('pre', { 'class': 'source', 'aria-label': W.source });
    for (var n = first; n <= last; n++) {
      if (!(n in lines)) continue;
      var chars = Array.from(lines[n]);
      var from = n === f.l ? f.c - 1 : 0;
      var to = n === f.el ? f.ec - 1 : chars.length;
      var inside = n >= f.l && n <= f.el;
      if (n === f.l && n === f.el && to <= from) to = from + 1;
      var row = el('span', { 'class': 'line' + (inside ? ' hit' : '') }, el('span', { 'class': 'ln', 'aria-hidden': 'true' }, String(n).padStart(4, ' ') + ' │ '));
      if (inside) {
        append(row, chars.slice(0, from).join(''));
        append(row, el('mark', null, chars.slice(from, Math.max(from, to)).join('')));
        append(row, chars.slice(Math.max(from, to)).join(''));
      } else {
        append(row, chars.join(''));
      }
      block.appendChild(row);
      block.appendChild(document.createTextNode('\n'));
    }
    return block;
  }

  // The graph as laid out by alinea, in base-64 digits: rows (y, x of the first node, how
  // many nodes, then each node's entry in the node table and its flags), a node box apart;
  // edges as node pairs.
  function traceView(t) {
    if (!t) return el('p', null, W['trace-empty']);
    var T = nodeTable();
    var W2 = T.box[0], H = T.box[1], STEP = T.box[2], width = T.digits + 1;
    var gapWords = {};
    t.gaps.forEach(function (g) { gapWords[g[0]] = g[2]; });
    var list = [], rows = t.rows, at = 0;
    while (at + 6 <= rows.length) {
      var y = number(rows, at, 3), x = number(rows, at + 3, 2), count = number(rows, at + 5, 1);
      at += 6;
      for (var i = 0; i < count && at + width <= rows.length; i++, at += width) {
        var entry = number(rows, at, T.digits), flags = number(rows, at + T.digits, 1);
        var plan = number(T.plan, entry * T.plan_digits, T.plan_digits);
        list.push({ x: x + STEP * i, y: y, k: flags % 4, g: Math.floor(flags / 4),
          t: T.codes[entry], plan: plan ? T.plans[plan - 1] : '', statement: T.statement[entry] || '' });
      }
    }
    var edges = [];
    for (var j = 0; j + 4 <= t.e.length; j += 4) {
      var from = number(t.e, j, 2), a = list[Math.floor(from / 4)], b = list[number(t.e, j + 2, 2)];
      var x1 = a.x + W2 / 2, y1 = a.y, x2 = b.x + W2 / 2, y2 = b.y + H;
      if (b.y > a.y) { y1 = a.y + H; y2 = b.y; }
      var mid = (y1 + y2) / 2;
      edges.push(svg('path', { d: 'M' + x1 + ' ' + y1 + ' C' + x1 + ' ' + mid + ' ' + x2 + ' ' + mid + ' ' + x2 + ' ' + y2, 'class': 'edge e' + (from % 4) }));
    }
    var nodes = list.map(function (n) {
      var cls = 'node k' + n.k + (n.g === 1 ? ' gap' : n.g === 2 ? ' gap2' : '');
      var label = (n.g === 1 ? '✗ ' : n.g === 2 ? '⚠ ' : '') + n.t;
      if (label.length > 19) label = label.slice(0, 18) + '…';
      var tip = (n.plan ? n.plan + ' · ' : '') + n.t + (n.statement ? ': ' + n.statement : '') +
        (n.g ? (n.g === 1 ? ' — ✗ ' : ' — ⚠ ') + (gapWords[n.t] || '') : '');
      return svg('g', { 'class': cls, transform: 'translate(' + n.x + ' ' + n.y + ')' },
        svg('title', null, tip),
        svg('rect', { width: String(W2), height: String(H), rx: '5' }),
        svg('text', { x: String(W2 / 2), y: String(H / 2 + 4), 'text-anchor': 'middle' }, label));
    });
    var titles = t.layers.map(function (l) { return svg('text', { x: '10', y: String(l[0]), 'class': 'layer' }, T.titles[l[1]]); });
    var drawing = svg('svg', { viewBox: '0 0 ' + t.w + ' ' + t.h, width: String(t.w), height: String(t.h), role: 'img', 'aria-labelledby': 'trace-h', 'class': 'trace' },
      svg('defs', null, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' }, svg('path', { d: 'M0 0 L10 5 L0 10 z', 'class': 'arrow' }))),
      titles, edges, nodes);
    var legend = el('ul', { 'class': 'legend small' },
      el('li', null, el('span', { 'class': 'swatch k0', 'aria-hidden': 'true' }), W['legend-own']),
      el('li', null, el('span', { 'class': 'swatch k1', 'aria-hidden': 'true' }), W['legend-upper']),
      el('li', null, el('span', { 'class': 'swatch gap', 'aria-hidden': 'true' }), W['legend-gap']),
      el('li', null, el('span', { 'class': 'swatch gap2', 'aria-hidden': 'true' }), W['legend-gap2']));
    var gaps = t.gaps.length
      ? el('ul', { id: 'trace-gaps' }, t.gaps.map(function (g) { return el('li', { 'data-code': g[0], 'class': g[1] === 1 ? 'cut' : 'weak' }, el('span', { 'aria-hidden': 'true' }, g[1] === 1 ? '✗ ' : '⚠ '), el('code', null, g[0]), ' — ', g[2]); }))
      : el('p', null, W['no-gaps']);
    return el('div', null, el('p', { 'class': 'small muted' }, W['trace-note']), legend,
      el('div', { 'class': 'scroll' }, drawing), t.cut ? el('p', null, t.cut) : null,
      el('h4', null, W.gaps), gaps);
  }

  function coverageView(c) {
    if (!c.columns.length) return el('p', null, W['coverage-empty']);
    var head = el('tr', null, el('th', { scope: 'col' }, W['coverage-element']), el('th', { scope: 'col' }, W['coverage-covered']),
      c.columns.map(function (col) {
        // A lower plan with a page is its index in the plans; one without, its id.
        var page = typeof col === 'number' ? D.plans[col] : null;
        return el('th', { scope: 'col', 'class': 'vertical' }, page ? el('a', { href: planHref(page.key) }, page.id) : String(col));
      }));
    // A row is [code, flags (1 an action, 2 no lower plan takes it up), covered, cells].
    var rows = c.rows.map(function (r) {
      var action = r[1] % 2 === 1, gap = r[1] >= 2;
      return el('tr', { 'class': gap ? 'uncovered' : null },
        el('th', { scope: 'row', 'class': action ? 'action' : null }, el('code', null, r[0]), gap ? el('div', { 'class': 'small gap-text' }, W.uncovered) : null),
        el('td', { 'class': 'num' }, r[2]),
        r[3].map(function (n) {
          var level = n === 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n <= 4 ? 3 : 4;
          return el('td', { 'class': 'cell c' + level }, n ? String(n) : '');
        }));
    });
    return el('div', null, el('p', { 'class': 'small muted' }, W['coverage-note']),
      el('div', { 'class': 'scroll' }, el('table', { 'class': 'heatmap' }, el('thead', null, head), el('tbody', null, rows))));
  }

  function waivers(p) {
    var parts = [];
    if (p.waivers.length) {
      parts.push(heading(3, W.waivers));
      parts.push(table(null, [W.rule, W['waiver-at'], W['waiver-reason'], W['waiver-until']], p.waivers.map(function (w) {
        return el('tr', null, el('td', null, el('code', null, w.rule)), el('td', null, w.at || W['whole-plan']), el('td', null, w.reason || W['no-reason']), el('td', null, w.until || ''));
      }), 'compact'));
    }
    if (p.waived.length) {
      parts.push(heading(3, W['waived-findings'] + ' (' + p.waived.length + ')'));
      parts.push(el('ol', { 'class': 'findings waived' }, p.waived.map(function (f) { return findingView(f, p); })));
    }
    if (p.unknown.length) {
      parts.push(heading(3, W['unknown-findings'] + ' (' + p.unknown.length + ')'));
      parts.push(el('ol', { 'class': 'findings unknown' }, p.unknown.map(function (f) { return findingView(f, p); })));
    }
    return parts.length ? el('section', { id: 'waivers' }, parts) : null;
  }

  // ---- routing ------------------------------------------------------------------------
  var baseTitle = document.title;
  var SECTIONS = ['profile', 'findings', 'trace', 'coverage', 'waivers'];
  function route() {
    var hash = location.hash;
    if (hash.indexOf('#plan/') === 0) {
      // `#plan/<key>`, or `#plan/<key>/<section>`: that section alone.
      var key = decodeURIComponent(hash.slice(6));
      var section = null;
      var cut = key.lastIndexOf('/');
      if (byKey[key] === undefined && cut > 0 && SECTIONS.indexOf(key.slice(cut + 1)) >= 0) {
        section = key.slice(cut + 1);
        key = key.slice(0, cut);
      }
      planPage(key, section);
      document.body.setAttribute('data-view', byKey[key] === undefined ? 'not-found' : 'plan');
      document.title = key + ' · ' + baseTitle;
      var title = document.getElementById('view-title');
      if (title) title.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    } else if (hash === '' || hash === '#' || hash.indexOf('#overview') === 0) {
      var query = hash.indexOf('?');
      if (query > 0) recall(hash.slice(query + 1));
      overview();
      document.body.setAttribute('data-view', 'overview');
      document.title = baseTitle;
    }
  }
  window.addEventListener('hashchange', route);
  try {
    route();
  } catch (error) {
    recordError(error && error.stack ? error.stack : error);
  }
  document.body.setAttribute('data-plans', String(D.plans.filter(function (p) { return p.kind; }).length));
  document.body.setAttribute('data-findings', String(findingCount));
  document.body.setAttribute('data-errors', String(errors.length));
  // The script's own time, and the time since the browser began to load the page.
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now() - started)));
  document.body.setAttribute('data-ready-at', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', 'true');
})();
