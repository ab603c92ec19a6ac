// The preview page: the workbook's tabs on the left, the real built sidebar on the right, and a
// google.script.run shim injected into the sidebar that calls the add-on through the local server.

export const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Crewsheet preview</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; display: grid; grid-template-columns: 1fr 320px; grid-template-rows: auto auto 1fr auto; height: 100vh; color: #202124; }
  header { grid-column: 1 / 3; padding: 8px 12px; background: #f1f3f4; border-bottom: 1px solid #dadce0; display: flex; gap: 12px; align-items: center; }
  header h1 { font-size: 15px; margin: 0; }
  header .hint { color: #5f6368; }
  #bar { grid-column: 1; display: flex; gap: 6px; padding: 4px 8px; border-bottom: 1px solid #dadce0; align-items: center; }
  #bar input#formula { flex: 1; font: 12px monospace; padding: 3px 6px; }
  #bar #address { width: 56px; font: 12px monospace; color: #5f6368; }
  #grid { grid-column: 1; overflow: auto; }
  #sidebar { grid-column: 2; grid-row: 2 / 5; border-left: 1px solid #dadce0; width: 320px; height: 100%; }
  #tabs { grid-column: 1; display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; }
  #tabs button { border: 1px solid #dadce0; background: #fff; padding: 3px 10px; border-radius: 0 0 4px 4px; cursor: pointer; white-space: nowrap; font: inherit; }
  #tabs button[aria-selected=true] { background: #e8f0fe; color: #1967d2; font-weight: 600; }
  table { border-collapse: collapse; font-size: 12px; }
  td, th { border: 1px solid #e2e3e3; padding: 1px 4px; white-space: nowrap; max-width: 320px; overflow: hidden; text-overflow: ellipsis; height: 20px; }
  th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 2; }
  th.row { position: sticky; left: 0; z-index: 3; width: 40px; min-width: 40px; }
  .pinned { position: sticky; z-index: 1; background: #fff; }
  th.pinned { z-index: 4; background: #f8f9fa; }
  td.num { text-align: right; }
  td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  td.frozen { border-bottom: 2px solid #9aa0a6; }
  td[data-note]::after { content: ''; float: right; border: 4px solid transparent; border-top-color: #fbbc04; border-right-color: #fbbc04; margin: -1px -4px 0 0; }
  #more { padding: 6px 10px; color: #5f6368; }
</style>
</head>
<body>
<header><h1>Crewsheet preview</h1><span class="hint">The built add-on on an in-memory copy of the sample workbook. Nothing leaves this machine.</span><button id="reset" type="button">Reset workbook</button></header>
<div id="bar"><span id="address"></span><input id="formula" aria-label="Formula" placeholder="Select a cell; type =SKILLMATCH(...) or another Crewsheet function and press Enter"></div>
<div id="grid" role="region" aria-label="Sheet"></div>
<iframe id="sidebar" title="Crewsheet sidebar" src="/sidebar"></iframe>
<nav id="tabs" aria-label="Sheets"></nav>
<script>
const state = { sheets: [], active: null, selected: null, shownActive: null };
const $ = (id) => document.getElementById(id);
const letter = (n) => { let s = ''; for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s; return s; };

async function refresh() {
  const response = await fetch('/api/sheets');
  const reply = await response.json();
  state.sheets = reply.sheets;
  // Follow the spreadsheet when the add-on activates a sheet it wrote, as Sheets would.
  if (reply.active && reply.active !== state.shownActive) {
    state.active = reply.active;
    state.shownActive = reply.active;
  }
  if (!state.sheets.some((s) => s.name === state.active)) state.active = state.sheets[0] && state.sheets[0].name;
  render();
}

function render() {
  const tabs = $('tabs');
  tabs.textContent = '';
  for (const sheet of state.sheets) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = sheet.name;
    b.setAttribute('aria-selected', String(sheet.name === state.active));
    b.onclick = () => { state.active = sheet.name; state.selected = null; render(); };
    tabs.appendChild(b);
  }
  const sheet = state.sheets.find((s) => s.name === state.active);
  const grid = $('grid');
  grid.textContent = '';
  if (!sheet) return;
  const table = document.createElement('table');
  table.dataset.sheet = sheet.name;
  const head = table.insertRow();
  const corner = document.createElement('th');
  corner.className = 'row';
  head.appendChild(corner);
  // Frozen columns stay in view when scrolling sideways, as in Sheets.
  const lefts = [];
  for (let c = 0, x = 40; c < (sheet.frozenColumns || 0); c++) { lefts.push(x); x += sheet.widths[c] || 100; }
  const pin = (cell, c) => { if (c < lefts.length) { cell.classList.add('pinned'); cell.style.left = lefts[c] + 'px'; const w = (sheet.widths[c] || 100) + 'px'; cell.style.minWidth = cell.style.maxWidth = w; } };
  for (let c = 0; c < sheet.columns; c++) {
    const th = document.createElement('th');
    th.textContent = letter(c + 1);
    if (sheet.widths[c]) th.style.minWidth = th.style.maxWidth = sheet.widths[c] + 'px';
    pin(th, c);
    head.appendChild(th);
  }
  sheet.rows.forEach((row, r) => {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.className = 'row';
    th.textContent = String(r + 1);
    tr.appendChild(th);
    row.forEach((cell, c) => {
      const td = tr.insertCell();
      td.textContent = cell.text;
      if (cell.bg) td.style.background = cell.bg;
      if (cell.color) td.style.color = cell.color;
      if (cell.bold) td.style.fontWeight = 'bold';
      if (cell.num) td.className = 'num';
      if (cell.note) { td.dataset.note = '1'; td.title = cell.note; }
      if (sheet.widths[c]) td.style.maxWidth = sheet.widths[c] + 'px';
      if (r + 1 === sheet.frozenRows) td.classList.add('frozen');
      pin(td, c);
      td.onclick = () => select(sheet, r, c, td);
    });
  });
  grid.appendChild(table);
  if (sheet.truncated) {
    const more = document.createElement('div');
    more.id = 'more';
    more.textContent = 'Showing the first ' + sheet.rows.length + ' rows and ' + sheet.columns + ' columns.';
    grid.appendChild(more);
  }
}

function select(sheet, r, c, td) {
  document.querySelectorAll('td.selected').forEach((x) => x.classList.remove('selected'));
  td.classList.add('selected');
  state.selected = { sheet: sheet.name, row: r + 1, column: c + 1 };
  $('address').textContent = letter(c + 1) + (r + 1);
  const cell = sheet.rows[r][c];
  $('formula').value = cell.formula || cell.text;
}

$('formula').addEventListener('keydown', async (event) => {
  if (event.key !== 'Enter' || !state.selected) return;
  await fetch('/api/formula', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...state.selected, formula: $('formula').value }) });
  await refresh();
});
$('reset').onclick = async () => { await fetch('/api/reset', { method: 'POST' }); await refresh(); };
window.addEventListener('message', (event) => { if (event.data && event.data.type === 'crewsheet:changed') refresh(); });
refresh();
</script>
</body>
</html>`;

/** google.script.run as the sidebar sees it in Sheets: asynchronous, handlers per call, no Dates. */
export const SHIM = `<script>
(function () {
  function hasDate(value) {
    if (value instanceof Date) return true;
    if (value && typeof value === 'object') return Object.values(value).some(hasDate);
    return false;
  }
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f); };
        if (name === 'withUserObject') return function () { return runner(success, failure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (message) { if (failure) failure(new Error(message)); else console.error(message); };
          if (hasDate(args)) { setTimeout(function () { fail('Failed due to illegal value: Dates cannot be passed to the server'); }, 0); return; }
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (reply) {
              if (reply.ok) { if (success) success(reply.result); } else fail(reply.error);
              if (reply.changed) parent.postMessage({ type: 'crewsheet:changed' }, '*');
            }, function (error) { fail(String(error)); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;
