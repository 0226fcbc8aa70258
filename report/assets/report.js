// jwtconform report: filters the matrix and shows the details of a cell.
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
    $('#jc-count').textContent = shown + ' of ' + rows.length + ' vectors shown';
  }

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
    $$('#jc-matrix td.sel').forEach((x) => x.classList.remove('sel'));
    td.classList.add('sel');
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
