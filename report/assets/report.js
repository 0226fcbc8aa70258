// jwtconform report: filters the root causes and the matrix, lists a root
// cause's vectors when it is opened, and shows the details of a result.
// Everything it needs is in this file and the JSON data block above it.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('jc-data').textContent);
  const $ = (s, r) => (r || document).querySelector(s);
  const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));
  const rows = $$('#jc-matrix tr.v');
  const groups = $$('#jc-matrix tbody.group');
  const dyn = document.getElementById('jc-dyn');
  const modes = data.modes;
  const marks = {};
  data.marks.forEach((m) => { marks[m.category] = m; });

  // byCause lists, per entry of the root-cause view, its results' indexes.
  const byCause = {};
  data.results.forEach((r, i) => {
    if (r[9] >= 0) (byCause[r[9]] = byCause[r[9]] || []).push(i);
  });
  const causes = $$('details.rc');

  // categoryOf is a result's filter category, as its matrix cell has it.
  function categoryOf(r) {
    return r[3] === 'unsupported' ? 'unsupported' : (r[7] || 'agree');
  }

  function checked(name, want) {
    return new Set($$('input[name=' + name + ']').filter((e) => e.checked === want).map((e) => e.value));
  }

  // apply shows the rows that match every filter and hides the columns of
  // unchecked adapters and modes; a row stays when any visible cell has a
  // checked severity and passes the quick filters (security only: the cell
  // is graded security; unexplained only: the profile does not predict it).
  function apply() {
    const hiddenA = checked('adapter', false);
    const hiddenM = checked('mode', false);
    const sev = checked('sev', true);
    const onlySecurity = $('#q-security').checked;
    const onlyUnexplained = $('#q-unexplained').checked;
    const topic = $('#f-topic').value;
    const flag = $('#f-flag').value;
    const text = $('#f-text').value.trim().toLowerCase();
    let css = '';
    hiddenA.forEach((a) => { css += '.a' + a + '{display:none}'; });
    hiddenM.forEach((m) => { css += '.m-' + m + '{display:none}'; });
    dyn.textContent = css;
    const visible = data.columns.map((c) => !hiddenA.has(String(c.a)) && !hiddenM.has(c.m));
    let shown = 0;
    for (const tr of rows) {
      const d = tr.dataset;
      let ok = (!topic || d.topic === topic) &&
        (!flag || (' ' + d.flags + ' ').indexOf(' ' + flag + ' ') >= 0) &&
        (!text || d.search.indexOf(text) >= 0);
      if (ok) {
        ok = false;
        const cells = tr.cells;
        for (let j = 0; j < visible.length; j++) {
          const c = cells[j + 1];
          if (!visible[j] || !sev.has(c.dataset.s)) continue;
          if (onlySecurity && c.dataset.s !== 'security') continue;
          if (onlyUnexplained && !c.classList.contains('x')) continue;
          ok = true;
          break;
        }
      }
      tr.hidden = !ok;
      if (ok) shown++;
    }
    for (const g of groups) {
      let n = 0;
      for (const tr of g.rows) if (tr.classList.contains('v') && !tr.hidden) n++;
      g.hidden = n === 0;
      $('.gcount', g).textContent = String(n);
    }
    const nCauses = applyCauses(hiddenA, hiddenM, sev, onlySecurity, onlyUnexplained);
    $('#jc-count').textContent = shown + ' of ' + rows.length + ' vectors shown';
    $('#jc-count-rc').textContent = nCauses + ' of ' + causes.length + ' root causes';
  }

  // applyCauses shows the root causes with a result that passes the same
  // filters as a matrix cell (adapter, mode, severity, quick filters), says
  // how many of its results do, and hides the rows of an opened list that
  // do not; it returns how many root causes are shown.
  let passes = () => true;
  function applyCauses(hiddenA, hiddenM, sev, onlySecurity, onlyUnexplained) {
    passes = (r) => {
      const cat = categoryOf(r);
      return !hiddenA.has(String(r[0])) && !hiddenM.has(modes[r[2]]) && sev.has(cat) &&
        (!onlySecurity || cat === 'security') && (!onlyUnexplained || !r[8]);
    };
    let total = 0;
    for (const d of causes) {
      const list = byCause[d.dataset.rc] || [];
      let n = 0;
      for (const i of list) if (passes(data.results[i])) n++;
      d.hidden = n === 0;
      if (n > 0) total++;
      $('.rc-count', d).textContent = n === list.length ? String(n) : n + ' of ' + list.length;
      for (const tr of $$('.rc-vectors tbody tr', d)) tr.hidden = !passes(data.results[Number(tr.dataset.r)]);
    }
    for (const more of $$('details.rc-more')) more.hidden = $$('details.rc', more).every((d) => d.hidden);
    for (const sec of $$('.rc-adapter')) {
      const off = hiddenA.has(sec.dataset.a);
      sec.hidden = off;
      const none = $('.rc-none', sec);
      none.hidden = off || $$('details.rc', sec).some((d) => !d.hidden) || !$('details.rc', sec);
    }
    return total;
  }

  // listVectors fills an opened root cause with a row per result: mode,
  // vector, outcome and severity; a row opens the side panel.
  function listVectors(d) {
    const box = $('.rc-vectors', d);
    if (box.dataset.done) return;
    box.dataset.done = '1';
    // Gravest first, then in the page's order of vectors and modes.
    const rank = {};
    data.marks.forEach((m, i) => { rank[m.category] = i; });
    const list = (byCause[d.dataset.rc] || []).slice().sort((a, b) =>
      (rank[categoryOf(data.results[a])] - rank[categoryOf(data.results[b])]) || (a - b));
    const body0 = $('.rc-body', d);
    const v0 = data.vectors[Number(body0.dataset.v)];
    const m0 = body0.dataset.m;
    if (v0) {
      const dl = el('dl', null, 'rc-repro');
      row(dl, 'smallest vector', v0.id + ', ' + m0 + ' mode: ' + v0.comment);
      row(dl, 'payload', el('pre', v0.payload !== undefined ? v0.payload : 'base64: ' + v0.payloadBase64));
      const iso = isoDate(v0.now);
      row(dl, 'now', v0.now + (iso ? ' (' + iso + ')' : ''));
      row(dl, 'leeway', m0 === 'explicit' ? v0.leeway : 'library default (the RFC is applied with 0s)');
      row(dl, 'require', m0 === 'explicit' && v0.require.length ? v0.require.join(', ') : 'none');
      row(dl, 'reproduce', el('pre', v0.cmd[m0], 'cmd'));
      body0.insertBefore(dl, box);
    }
    const table = el('table');
    table.appendChild(el('caption', list.length + ' result' + (list.length === 1 ? '' : 's') + '; click one for its token, the library\u2019s error and a command that reproduces it'));
    const head = el('tr');
    ['mode', 'vector', 'outcome', 'severity', 'RFC', 'comment'].forEach((h) => head.appendChild(el('th', h)));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const i of list) {
      const r = data.results[i];
      const v = data.vectors[r[1]];
      const mode = modes[r[2]];
      const tr = el('tr');
      tr.dataset.r = String(i);
      tr.hidden = !passes(r);
      const m = el('td', mode[0].toUpperCase());
      m.title = modeTitle[m.textContent];
      tr.appendChild(m);
      tr.appendChild(el('td', v.id, 'vid'));
      tr.appendChild(el('td', r[3] + (r[4] ? '/' + r[4] : '') + (r[8] ? '' : ' (unexplained: the profile predicts ' + r[6] + ')')));
      const cat = categoryOf(r);
      const mk = marks[cat] || { symbol: '', meaning: cat };
      const sv = el('td');
      const badge = el('span', (mk.symbol ? mk.symbol + ' ' : '') + (cat === 'agree' ? 'agrees' : cat), 'badge ' + cat);
      badge.title = mk.meaning;
      sv.appendChild(badge);
      tr.appendChild(sv);
      tr.appendChild(el('td', (v.rfc[mode] || {}).verdict || ''));
      tr.appendChild(el('td', v.comment, 'cmt'));
      body.appendChild(tr);
    }
    table.appendChild(body);
    box.appendChild(table);
  }
  // Tooltips of the root causes' badges and mode letters, set here once
  // rather than repeated in every root cause of the page.
  const modeTitle = {
    E: 'E = explicit: the vector\u2019s leeway and required claims passed through the library\u2019s options',
    D: 'D = defaults: the clock alone, what a user gets out of the box (judged with leeway 0, nothing required)',
  };
  for (const d of causes) {
    const b = $('summary .badge', d);
    const mk = marks[d.dataset.cat] || { meaning: '' };
    b.title = mk.meaning;
    $$('abbr.ml', d).forEach((a) => { a.title = modeTitle[a.textContent] || ''; });
    $('.rc-count', d).title = 'results this root cause explains (shown by the filters / all)';
    $('.rc-ex', d).title = 'the smallest vector that shows it; open the root cause for the command that reproduces it';
  }
  document.addEventListener('toggle', (ev) => {
    if (ev.target.matches && ev.target.matches('details.rc') && ev.target.open) listVectors(ev.target);
  }, true);
  $('#rc-list').addEventListener('click', (ev) => {
    const tr = ev.target.closest('.rc-vectors tbody tr');
    if (tr) show(Number(tr.dataset.r), tr);
  });

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function row(dl, term, value) {
    dl.appendChild(el('dt', term));
    const dd = el('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    dl.appendChild(dd);
  }

  function isoDate(now) {
    const s = Number(now.split('.')[0]);
    if (!isFinite(s) || Math.abs(s) > 8.64e12) return '';
    return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  }

  // show fills the side panel with everything about result i.
  function show(i, td) {
    const r = data.results[i];
    const a = data.adapters[r[0]];
    const v = data.vectors[r[1]];
    const mode = modes[r[2]];
    const rfc = v.rfc[mode] || {};
    const panel = $('#jc-detail');
    panel.textContent = '';
    const close = el('button', '×', 'close');
    close.title = 'close';
    close.addEventListener('click', () => { panel.hidden = true; });
    panel.appendChild(close);
    panel.appendChild(el('h3', v.id));
    panel.appendChild(el('div', v.comment, 'hint'));
    const dl = el('dl');
    row(dl, 'adapter', a.name + ' (' + a.module + ')');
    row(dl, 'mode', mode === 'explicit' ? 'explicit: the vector\u2019s leeway and requirements passed to the library' : 'defaults: only the clock passed');
    const out = el('span');
    out.appendChild(el('b', r[3] + (r[4] ? '/' + r[4] : '')));
    out.appendChild(document.createTextNode(' '));
    const cat = r[3] === 'unsupported' ? 'unsupported' : (r[7] || 'agree');
    const mk = marks[cat] || { symbol: '', meaning: cat };
    const badge = el('span', (mk.symbol ? mk.symbol + ' ' : '') + (r[7] || (cat === 'agree' ? 'agrees' : cat)), 'badge ' + cat);
    badge.title = mk.meaning;
    out.appendChild(badge);
    out.appendChild(document.createTextNode(' ' + mk.meaning));
    row(dl, 'outcome', out);
    row(dl, 'library error', r[5] >= 0 ? el('pre', data.errors[r[5]]) : '(none)');
    row(dl, 'RFC verdict', rfc.verdict + (rfc.classes ? ' (' + rfc.classes.join('|') + ')' : ''));
    row(dl, 'RFC clause', v.clause);
    if (rfc.reasons && rfc.reasons.length) {
      const ul = el('ul');
      rfc.reasons.forEach((x) => ul.appendChild(el('li', x)));
      row(dl, 'why', ul);
    }
    row(dl, 'profile', 'predicts ' + r[6] + (r[8] ? ': explained' : ': UNEXPLAINED, the profile does not predict this outcome'));
    const iso = isoDate(v.now);
    row(dl, 'now', v.now + (iso ? ' (' + iso + ')' : ''));
    row(dl, 'leeway', mode === 'explicit' ? v.leeway : 'library default (the RFC is applied with 0s)');
    row(dl, 'require', mode === 'explicit' && v.require.length ? v.require.join(', ') : 'none');
    if (v.flags.length) row(dl, 'flags', v.flags.join(', '));
    row(dl, 'topic', v.topic);
    row(dl, 'payload', el('pre', v.payload !== undefined ? v.payload : 'base64: ' + v.payloadBase64));
    row(dl, 'token', el('pre', v.token));
    row(dl, 'reproduce', el('pre', v.cmd[mode]));
    panel.appendChild(dl);
    panel.hidden = false;
    $$('.sel').forEach((x) => x.classList.remove('sel'));
    if (td) td.classList.add('sel');
  }

  // describe is a cell's tooltip, set when the pointer first reaches it:
  // a title on every cell up front would add a sixth to the page's size.
  function describe(td) {
    const r = data.results[Number(td.dataset.r)];
    const a = data.adapters[r[0]];
    const cat = td.dataset.s;
    const mk = marks[cat] || { symbol: '', meaning: cat };
    let t = a.name + ' · ' + modes[r[2]] + ' · ' + r[3] + (r[4] ? '/' + r[4] : '') +
      '\n' + (mk.symbol ? mk.symbol + ' ' : '') + cat + ': ' + mk.meaning;
    if (!r[8]) t += '\nunexplained: the profile predicts ' + r[6];
    return t;
  }
  $('#jc-matrix').addEventListener('mouseover', (ev) => {
    const td = ev.target.closest('td.c');
    if (td && td.dataset.r !== undefined && !td.title) td.title = describe(td);
  });
  $('#jc-matrix').addEventListener('click', (ev) => {
    const td = ev.target.closest('td.c');
    if (td && td.dataset.r !== undefined) { show(Number(td.dataset.r), td); return; }
    const gh = ev.target.closest('tr.gh');
    if (gh) gh.parentElement.classList.toggle('collapsed');
  });
  $$('#jc-filters input, #jc-filters select').forEach((e) => {
    e.addEventListener(e.type === 'text' || e.type === 'search' ? 'input' : 'change', apply);
  });
  $('#f-reset').addEventListener('click', () => {
    $$('#jc-filters input[type=checkbox]').forEach((e) => { e.checked = true; });
    $$('#f-quick input[type=checkbox]').forEach((e) => { e.checked = false; });
    $$('#jc-filters select').forEach((e) => { e.value = ''; });
    $('#f-text').value = '';
    apply();
  });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') $('#jc-detail').hidden = true; });
  apply();
  document.body.dataset.ready = 'true';
})();
