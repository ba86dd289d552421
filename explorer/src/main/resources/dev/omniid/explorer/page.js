// The OmniID explorer's page script. Every customer value is written with textContent or as an
// attribute value, never parsed as HTML; the graph draws labels on a canvas.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('omniid-data').textContent);
  var PALETTE = ['#4f8cff', '#e8871e', '#2e9d55', '#9b51e0', '#d0443a', '#00a3a3', '#c2a000',
    '#e05299', '#6b7a8f', '#7c5c2e', '#3c4fb0', '#86b300'];
  var channelColor = {};
  var profilesById = {};
  var cy = null;
  var current = null;
  var picked = [];

  function $(id) { return document.getElementById(id); }

  // el('td', {class: 'num'}, 'text', node...): children are text or nodes, never markup.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined) { return; }
        if (k === 'class') { e.className = v; }
        else if (k === 'onclick') { e.addEventListener('click', v); }
        else if (k === 'style') { Object.keys(v).forEach(function (s) { e.style[s] = v[s]; }); }
        else { e.setAttribute(k, String(v)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(e, arguments[i]); }
    return e;
  }

  function append(parent, child) {
    if (child === null || child === undefined) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  function w(x) { return (x >= 0 ? '+' : '') + Number(x).toFixed(2); }

  function prob(p) {
    if (p >= 0.9999 && p < 1) { return p.toPrecision(8).replace(/0+$/, ''); }
    return Number(p).toFixed(4);
  }

  // Long values (hashes) are shortened on screen; search reads them whole.
  function ident(i) {
    var v = i.value.length > 28 ? i.value.slice(0, 10) + '\u2026' + i.value.slice(-6) : i.value;
    return i.type + ' ' + v;
  }

  function color(channel) {
    if (!(channel in channelColor)) {
      channelColor[channel] = PALETTE[Object.keys(channelColor).length % PALETTE.length];
    }
    return channelColor[channel];
  }

  function link(text, action) { return el('button', {type: 'button', class: 'link', onclick: action}, text); }

  function profileLink(id) {
    return profilesById[id] ? link(id, function () { showProfile(id); }) : el('span', {title: 'not in this page'}, id);
  }

  // ---- tabs --------------------------------------------------------------------------------
  function tab(name) {
    ['overview', 'profile', 'generic', 'conflicts'].forEach(function (t) {
      $('tab-' + t).hidden = t !== name;
    });
    Array.prototype.forEach.call(document.querySelectorAll('#tabs button'), function (b) {
      b.classList.toggle('active', b.getAttribute('data-tab') === name);
    });
    if (name === 'profile' && cy) {
      cy.resize();
      cy.fit(undefined, 30);
      if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    }
  }

  // ---- overview ----------------------------------------------------------------------------
  function overview() {
    var o = data.overview;
    var counts = [['records', o.records], ['profiles', o.profiles], ['merges', o.merges],
      ['generic values', o.genericValues], ['conflicts', o.conflicts], ['relations', o.relations]];
    var titles = {
      merges: 'records joined to another record\u2019s profile: records \u2212 profiles',
      conflicts: 'links refused: exclusive ids, never-link rules, different people',
      relations: 'pairs of profiles that share something but are kept apart'
    };
    counts.forEach(function (c) {
      $('counts').appendChild(el('div', {class: 'card', 'data-count': c[0], title: titles[c[0]] || null},
        el('div', {class: 'n'}, fmt(c[1])), el('div', {class: 'l'}, c[0])));
    });
    var max = Math.max.apply(null, o.sizes.map(function (s) { return s.profiles; }).concat([1]));
    o.sizes.forEach(function (s) {
      $('sizes').appendChild(el('div', {class: 'bar-row'}, el('span', {class: 'l'}, s.bucket),
        el('span', {class: 'b', style: {width: (s.profiles / max * 70) + '%'}}),
        el('span', null, fmt(s.profiles))));
    });
    $('sizes').appendChild(el('p', {class: 'note'}, 'records per profile: number of profiles'));
    var t = $('largest');
    t.appendChild(el('tr', null, el('th', null, 'profile'), el('th', {class: 'num'}, 'records'),
      el('th', null, 'channels')));
    o.largest.forEach(function (p) {
      t.appendChild(el('tr', null, el('td', null, profileLink(p.id)),
        el('td', {class: 'num'}, fmt(p.size)), el('td', null, p.channels.join(', '))));
    });
    var left = data.leftOut;
    var shown = data.profiles.length;
    $('left-out').textContent = 'This page shows ' + fmt(shown) + ' of ' + fmt(o.profiles) +
      ' profiles' + (left.profiles > 0 ? ' (the largest, a sample of the others and any asked for):'
        + ' it leaves out ' + fmt(left.profiles) + ' profiles holding ' + fmt(left.records) + ' records'
        : '') + (left.genericValues > 0 ? '; ' + fmt(left.genericValues) + ' generic values' : '') +
      (left.conflicts > 0 ? '; ' + fmt(left.conflicts) + ' conflicts' : '') +
      '. The counts above are of every profile.';
    $('search-scope').textContent = 'Searches the ' + fmt(shown) + ' profiles in this page.';
  }

  // ---- search ------------------------------------------------------------------------------
  var index = [];
  function buildIndex() {
    data.profiles.forEach(function (p) {
      p.touchpoints.forEach(function (t) {
        index.push({key: t.id.toLowerCase(), what: 'record ' + t.id, profile: p.id, record: t.id, exact: true});
        t.identifiers.forEach(function (i) {
          index.push({key: i.value.toLowerCase(), what: ident(i) + ' (record ' + t.id + ')', profile: p.id, record: t.id});
        });
      });
    });
  }

  function search(q) {
    var out = clear($('search-results'));
    q = (q || '').trim().toLowerCase();
    if (!q) { return 0; }
    var hits = index.filter(function (h) { return h.key.indexOf(q) >= 0; });
    hits.sort(function (a, b) { return (b.key === q) - (a.key === q); });
    hits.slice(0, 50).forEach(function (h) {
      out.appendChild(el('li', {'data-profile': h.profile, 'data-record': h.record}, h.what + ' \u2192 ',
        link(h.profile, function () { showProfile(h.profile, h.record); })));
    });
    if (hits.length === 0) { out.appendChild(el('li', {class: 'note'}, 'nothing in this page matches')); }
    if (hits.length > 50) { out.appendChild(el('li', {class: 'note'}, (hits.length - 50) + ' more')); }
    return hits.length;
  }

  // ---- a profile ---------------------------------------------------------------------------
  function edgeLabel(e) {
    if (e.kind === 'shared_identifier') { return e.identifiers.length ? ident(e.identifiers[0]) : 'shared'; }
    if (e.kind === 'scored_match') { return 'match ' + w(e.weight); }
    return 'refused: ' + e.kind.replace(/_/g, ' ') + (e.trait ? ' (' + e.trait.replace(/_/g, ' ') + ')' : '');
  }

  function nodeLabel(t) {
    return t.id + '\n' + t.channel + (t.event && t.event !== 'unspecified' ? ' \u00b7 ' + t.event : '');
  }

  function showProfile(id, focus) {
    var p = profilesById[id];
    if (!p) { return false; }
    current = p;
    picked = [];
    $('profile-select').value = id;
    tab('profile');
    var cut = p.size > p.touchpoints.length ? ' (the graph draws the first ' + p.touchpoints.length + ')' : '';
    $('profile-summary').textContent = p.id + ': ' + fmt(p.size) + ' records' + cut + ' on ' +
      p.channels.join(', ') + (p.firstSeen ? ', ' + p.firstSeen.slice(0, 10) + ' .. ' + (p.lastSeen || '').slice(0, 10) : '') +
      (p.aliases.length ? '; aliases ' + p.aliases.join(', ') : '');
    var chips = clear($('profile-identifiers'));
    p.identifiers.forEach(function (i) { chips.appendChild(el('span', {class: 'chip'}, ident(i))); });
    if (p.identifierCount > p.identifiers.length) {
      chips.appendChild(el('span', {class: 'note'}, ' and ' + fmt(p.identifierCount - p.identifiers.length) + ' more values'));
    }
    graph(p);
    timeline(p);
    related(p);
    pairOptions(p);
    if (focus && cy) { cy.getElementById(focus).select(); }
    var first = p.edges.length ? p.edges[0] : null;
    if (first) { showPair(first.a, first.b); }
    else if (p.touchpoints.length > 1) { showPair(p.touchpoints[0].id, p.touchpoints[1].id); }
    else { clear($('waterfall')).appendChild(el('p', {class: 'note'}, 'One record: nothing to compare.')); }
    return true;
  }

  function graph(p) {
    var elements = [];
    p.touchpoints.forEach(function (t) {
      elements.push({group: 'nodes', data: {id: t.id, label: nodeLabel(t), color: color(t.channel), outside: 0}});
    });
    p.outside.forEach(function (t) {
      elements.push({group: 'nodes', data: {id: t.id, label: t.id + '\n' + t.profile, color: t.channel ? color(t.channel) : '#9aa3b2', outside: 1, profile: t.profile}});
    });
    p.edges.forEach(function (e, i) {
      elements.push({group: 'edges', data: {id: 'e' + i, source: e.a, target: e.b, label: edgeLabel(e),
        kind: e.links ? e.kind : 'refused', a: e.a, b: e.b}});
    });
    if (!cy) {
      cy = cytoscape({
        container: $('cy'),
        elements: elements,
        style: [
          {selector: 'node', style: {'background-color': 'data(color)', label: 'data(label)',
            'font-size': 10, 'text-wrap': 'wrap', 'text-valign': 'bottom', 'text-margin-y': 4,
            width: 26, height: 26, 'border-width': 2, 'border-color': '#fff'}},
          {selector: 'node[outside = 1]', style: {opacity: 0.55, shape: 'round-rectangle',
            'border-style': 'dashed', 'border-color': '#5b6478'}},
          {selector: 'node:selected', style: {'border-color': '#1d2330', 'border-width': 4}},
          {selector: 'edge', style: {width: 2, 'line-color': '#7a8699', label: 'data(label)',
            'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff',
            'text-background-opacity': 0.85, 'curve-style': 'bezier', color: '#3a4356'}},
          {selector: 'edge[kind = "scored_match"]', style: {'line-color': '#e8871e', width: 3}},
          {selector: 'edge[kind = "refused"]', style: {'line-color': '#b3261e', 'line-style': 'dashed', color: '#b3261e'}},
          {selector: 'edge:selected', style: {width: 5}}
        ],
        layout: {name: 'preset'}
      });
      cy.on('tap', 'edge', function (evt) { showPair(evt.target.data('a'), evt.target.data('b')); });
      cy.on('tap', 'node', function (evt) {
        picked.push(evt.target.id());
        if (picked.length > 2) { picked = picked.slice(-2); }
        if (picked.length === 2) { showPair(picked[0], picked[1]); }
      });
      window.cy = cy;
    } else {
      cy.elements().remove();
      cy.add(elements);
    }
    // Concentric: the profile's own records inside, other profiles' records on the outer ring.
    cy.layout({name: 'concentric', animate: false, fit: true, padding: 30, minNodeSpacing: 120,
      concentric: function (n) { return n.data('outside') ? 1 : 2; },
      levelWidth: function () { return 1; }}).run();
    // A small profile fitted to the canvas would be drawn huge: no closer than 1.4 times life size.
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
    var legend = clear($('legend'));
    var seen = {};
    p.touchpoints.concat(p.outside).forEach(function (t) {
      if (t.channel && !seen[t.channel]) {
        seen[t.channel] = 1;
        legend.appendChild(el('span', {class: 'swatch', style: {background: color(t.channel)}}));
        legend.appendChild(document.createTextNode(t.channel));
      }
    });
    legend.appendChild(el('span', {class: 'line'})); legend.appendChild(document.createTextNode('shared identifier'));
    legend.appendChild(el('span', {class: 'line scored'})); legend.appendChild(document.createTextNode('scored match'));
    legend.appendChild(el('span', {class: 'line refused'})); legend.appendChild(document.createTextNode('refused (other profile, faded)'));
  }

  function timeline(p) {
    var box = clear($('timeline'));
    var timed = p.touchpoints.filter(function (t) { return t.time; });
    var untimed = p.touchpoints.filter(function (t) { return !t.time; });
    var lanes = [];
    p.touchpoints.forEach(function (t) { if (lanes.indexOf(t.channel) < 0) { lanes.push(t.channel); } });
    if (timed.length) {
      var ns = 'http://www.w3.org/2000/svg';
      var times = timed.map(function (t) { return Date.parse(t.time); });
      var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
      var width = Math.max(600, box.clientWidth || 900), left = 110, right = 30, laneH = 30;
      var svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('width', width);
      svg.setAttribute('height', lanes.length * laneH + 30);
      var x = function (ms) { return hi === lo ? left + (width - left - right) / 2 : left + (ms - lo) / (hi - lo) * (width - left - right); };
      lanes.forEach(function (c, i) {
        var y = i * laneH + 18;
        var line = document.createElementNS(ns, 'line');
        line.setAttribute('x1', left); line.setAttribute('x2', width - right);
        line.setAttribute('y1', y); line.setAttribute('y2', y); line.setAttribute('stroke', '#e3e7ee');
        svg.appendChild(line);
        var label = document.createElementNS(ns, 'text');
        label.setAttribute('x', 4); label.setAttribute('y', y + 4); label.setAttribute('font-size', 12);
        label.textContent = c;
        svg.appendChild(label);
      });
      timed.forEach(function (t) {
        var dot = document.createElementNS(ns, 'circle');
        dot.setAttribute('cx', x(Date.parse(t.time)));
        dot.setAttribute('cy', lanes.indexOf(t.channel) * laneH + 18);
        dot.setAttribute('r', 7); dot.setAttribute('fill', color(t.channel));
        dot.setAttribute('data-record', t.id);
        var title = document.createElementNS(ns, 'title');
        title.textContent = t.time + '  ' + t.id + '  ' + t.event;
        dot.appendChild(title);
        svg.appendChild(dot);
      });
      var axis = document.createElementNS(ns, 'text');
      axis.setAttribute('x', left); axis.setAttribute('y', lanes.length * laneH + 24);
      axis.setAttribute('font-size', 11); axis.setAttribute('fill', '#5b6478');
      axis.textContent = new Date(lo).toISOString().slice(0, 16).replace('T', ' ') + '  \u2192  ' +
        new Date(hi).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
      svg.appendChild(axis);
      box.appendChild(svg);
    }
    var t = el('table');
    t.appendChild(el('tr', null, el('th', null, 'time'), el('th', null, 'channel'), el('th', null, 'event'),
      el('th', null, 'record'), el('th', null, 'identifiers'), el('th', null, 'attributes')));
    timed.concat(untimed).forEach(function (r) {
      t.appendChild(el('tr', {'data-record': r.id}, el('td', null, r.time ? r.time.replace('T', ' ').replace('Z', '') : '(no time)'),
        el('td', null, el('span', {class: 'swatch', style: {background: color(r.channel), marginLeft: '0'}}), r.channel),
        el('td', null, r.event), el('td', null, r.id),
        el('td', null, r.identifiers.map(function (i) { return el('span', {class: 'chip'}, ident(i)); })),
        el('td', null, r.attributes.map(function (a) { return a.key + ' ' + a.value; }).join('; '))));
    });
    box.appendChild(t);
  }

  function related(p) {
    var t = clear($('related'));
    if (!p.related.length) { t.appendChild(el('tr', null, el('td', {class: 'note'}, 'None.'))); return; }
    t.appendChild(el('tr', null, el('th', null, 'profile'), el('th', null, 'shares'), el('th', null, 'kept apart by')));
    p.related.forEach(function (r) {
      t.appendChild(el('tr', null, el('td', null, profileLink(r.profile)),
        el('td', null, r.shared.map(function (i) { return el('span', {class: 'chip'}, ident(i)); })),
        el('td', null, r.reasons.map(function (k) { return k.replace(/_/g, ' '); }).join(', ') +
          (r.conflicts.length ? ' (' + r.conflicts.join(', ').replace(/_/g, ' ') + ' differ)' : ''))));
    });
    if (p.relatedCount > p.related.length) {
      t.appendChild(el('tr', null, el('td', {class: 'note'}, fmt(p.relatedCount - p.related.length) + ' more')));
    }
  }

  function pairOptions(p) {
    ['pair-a', 'pair-b'].forEach(function (s) {
      var select = clear($(s));
      p.touchpoints.forEach(function (t) { select.appendChild(el('option', {value: t.id}, t.id + ' (' + t.channel + ')')); });
      p.outside.forEach(function (t) { select.appendChild(el('option', {value: t.id}, t.id + ' (' + t.profile + ')')); });
    });
  }

  function findPair(p, a, b) {
    for (var i = 0; i < p.pairs.length; i++) {
      var x = p.pairs[i];
      if ((x.a === a && x.b === b) || (x.a === b && x.b === a)) { return x; }
    }
    return null;
  }

  // ---- the waterfall -----------------------------------------------------------------------
  function showPair(a, b) {
    var box = clear($('waterfall'));
    if (!current) { return false; }
    $('pair-a').value = a; $('pair-b').value = b;
    if (cy) {
      cy.elements().unselect();
      cy.edges().filter(function (e) { return (e.data('a') === a && e.data('b') === b) || (e.data('a') === b && e.data('b') === a); }).select();
    }
    box.setAttribute('data-a', a); box.setAttribute('data-b', b);
    if (a === b) { box.appendChild(el('p', {class: 'note'}, 'Choose two different touchpoints.')); return false; }
    var x = findPair(current, a, b);
    if (!x) {
      box.appendChild(el('p', {class: 'note'}, 'This pair is not explained in the page: it carries every edge and, in profiles of up to 8 records, every pair. Run the CLI\u2019s resolve --explain for any other.'));
      return false;
    }
    box.appendChild(el('p', {class: 'decision ' + (x.same ? 'same' : 'apart')}, x.same
      ? x.a + ' and ' + x.b + ' are in the same profile ' + x.profile + (x.path.length === 1 ? ': linked directly' : ' through a chain of ' + x.path.length + ' links')
      : x.a + ' and ' + x.b + ' are in different profiles ' + x.profile + ' and ' + x.otherProfile));
    var list = el('ul');
    x.path.forEach(function (e) { list.appendChild(el('li', null, e.a + ' \u2014 ' + e.b + ': ' + edgeLabel(e) + (e.kind === 'shared_identifier' ? ' [deterministic]' : ' [probabilistic]'))); });
    x.refusals.forEach(function (e) { list.appendChild(el('li', null, e.reason)); });
    if (!x.same && !x.refusals.length) { list.appendChild(el('li', null, 'nothing links them')); }
    box.appendChild(list);
    if (x.shared.length) { box.appendChild(el('p', null, 'Shared: ', x.shared.map(function (i) { return el('span', {class: 'chip'}, ident(i)); }))); }
    if (x.generic.length) { box.appendChild(el('p', null, 'Shared but generic (link nothing): ', x.generic.map(function (i) { return el('span', {class: 'chip'}, ident(i)); }))); }
    if (!x.score) {
      box.appendChild(el('p', {class: 'note'}, 'No match model: records link by shared identifiers only.'));
    } else {
      waterfall(box, x.score, x.same);
    }
    box.appendChild(el('details', null, el('summary', null, 'As text'), el('pre', {class: 'why'}, x.text)));
    return true;
  }

  function waterfall(box, s, same) {
    box.appendChild(el('p', {class: 'note'}, 'The pair scored on its own (supporting detail: the decision above is the resolver\u2019s). Weights are log2 odds; bars add up from the prior.'));
    var steps = [{name: 'prior', level: '', weight: s.prior}].concat(s.fields.map(function (f) {
      return {name: f.field, level: f.level.toLowerCase(), weight: f.weight};
    }));
    var run = 0, lo = Math.min(0, s.threshold), hi = Math.max(0, s.threshold);
    steps.forEach(function (st) { st.from = run; run += st.weight; st.to = run; lo = Math.min(lo, run); hi = Math.max(hi, run); });
    var span = (hi - lo) || 1;
    var pos = function (v) { return ((v - lo) / span * 100) + '%'; };
    var wf = el('div', {class: 'wf'});
    function track(from, to, cls) {
      var t = el('div', {class: 'wf-track'},
        el('div', {class: 'wf-bar ' + cls, style: {left: pos(Math.min(from, to)), width: (Math.abs(to - from) / span * 100) + '%'}}),
        el('div', {class: 'wf-threshold', title: 'threshold ' + w(s.threshold), style: {left: pos(s.threshold)}}));
      return t;
    }
    steps.forEach(function (st) {
      wf.appendChild(el('div', {class: 'wf-row field', 'data-field': st.name, 'data-level': st.level, 'data-weight': st.weight.toFixed(2)},
        el('span', null, st.name), el('span', null, st.level), el('span', {class: 'w'}, w(st.weight)),
        track(st.from, st.to, st.weight >= 0 ? 'pos' : 'neg')));
    });
    wf.appendChild(el('div', {class: 'wf-row total', 'data-weight': s.weight.toFixed(2), 'data-threshold': s.threshold.toFixed(2)},
      el('span', null, 'total'), el('span', null, s.matches ? 'links' : 'below'), el('span', {class: 'w'}, w(s.weight)),
      track(0, s.weight, 'sum')));
    box.appendChild(wf);
    box.appendChild(el('p', {class: 'total-text'}, 'Total ' + w(s.weight) + ' (probability ' + prob(s.probability) + ') ' +
      (s.weight >= s.threshold ? 'at or above' : 'below') + ' the threshold ' + w(s.threshold) +
      ' (probability ' + prob(s.thresholdProbability) + ')' +
      (s.weight >= s.threshold && !s.identified ? '; not linked on its own: only fields that describe the person agree, none that identifies her' : '') +
      (same && !s.matches ? '. On its own the pair would not link; the links above join it.' : '') +
      (!same && s.matches ? '. On its own the pair would link; the resolver keeps it apart as said above.' : '')));
  }

  // ---- generic values and conflicts --------------------------------------------------------
  function generic() {
    var t = $('generic');
    t.appendChild(el('tr', null, el('th', null, 'type'), el('th', null, 'value'), el('th', null, 'why'),
      el('th', {class: 'num'}, 'records carrying it')));
    data.generic.forEach(function (g) {
      t.appendChild(el('tr', null, el('td', null, g.type), el('td', null, el('span', {class: 'chip'}, g.value)),
        el('td', null, g.reason), el('td', {class: 'num'}, fmt(g.touchpoints))));
    });
    if (!data.generic.length) { t.appendChild(el('tr', null, el('td', {class: 'note'}, 'None: every value links.'))); }
    if (data.leftOut.genericValues) { t.appendChild(el('tr', null, el('td', {class: 'note'}, fmt(data.leftOut.genericValues) + ' more, carried by fewer records, left out.'))); }
  }

  function conflicts() {
    var t = $('conflicts');
    t.appendChild(el('tr', null, el('th', null, 'records'), el('th', null, 'profiles'), el('th', null, 'kind'),
      el('th', null, 'why kept apart')));
    data.conflicts.forEach(function (c) {
      t.appendChild(el('tr', null, el('td', null, c.a + ' / ' + c.b),
        el('td', null, profileLink(c.profile), ' / ', profileLink(c.otherProfile)),
        el('td', null, c.kind.replace(/_/g, ' ')), el('td', null, c.reason)));
    });
    if (!data.conflicts.length) { t.appendChild(el('tr', null, el('td', {class: 'note'}, 'None in the profiles of this page.'))); }
    if (data.leftOut.conflicts) { t.appendChild(el('tr', null, el('td', {class: 'note'}, fmt(data.leftOut.conflicts) + ' more, of profiles not in this page.'))); }
  }

  // ---- start -------------------------------------------------------------------------------
  function start() {
    var privacy = $('privacy');
    if (data.meta.showValues) {
      privacy.className = 'warning';
      privacy.textContent = 'Values in clear: identifiers and personal attributes are not masked. This file holds personal data: keep and share it as such.';
    } else {
      privacy.textContent = 'Identifier values and personal attributes are masked.';
    }
    data.profiles.forEach(function (p) { profilesById[p.id] = p; p.touchpoints.forEach(function (t) { color(t.channel); }); });
    var select = $('profile-select');
    data.profiles.forEach(function (p) { select.appendChild(el('option', {value: p.id}, p.id + ' (' + p.size + ' records)')); });
    select.addEventListener('change', function () { showProfile(select.value); });
    $('pair-a').addEventListener('change', function () { showPair($('pair-a').value, $('pair-b').value); });
    $('pair-b').addEventListener('change', function () { showPair($('pair-a').value, $('pair-b').value); });
    Array.prototype.forEach.call(document.querySelectorAll('#tabs button'), function (b) {
      b.addEventListener('click', function () {
        var name = b.getAttribute('data-tab');
        if (name === 'profile' && !current && data.profiles.length) { showProfile(data.profiles[0].id); } else { tab(name); }
      });
    });
    $('search').addEventListener('input', function () { search($('search').value); });
    overview();
    buildIndex();
    generic();
    conflicts();
    $('footer').textContent = 'Written by OmniID. One offline file: the data and the graph library (Cytoscape.js ' +
      data.meta.cytoscape + ', MIT license) are inlined, and the page makes no network request.';
    var asked = data.profiles.filter(function (p) { return p.requested; });
    if (asked.length) { showProfile(asked[0].id); } else { tab('overview'); }
    window.omniid = {data: data, showProfile: showProfile, showPair: showPair, search: search, tab: tab,
      cy: function () { return cy; }};
    window.omniidReady = true;
  }

  start();
})();
