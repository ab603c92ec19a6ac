// The preview page: the workbook's grid and tabs on the left, the real built sidebar on the right, and
// a google.script.run shim injected into the sidebar that calls the add-on through the local server.
// The same page, without the sidebar and read-only, shows a client copy as its viewer sees it.

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; display: grid; grid-template-columns: 1fr 320px; grid-template-rows: auto auto 1fr auto; height: 100vh; color: #202124; }
  body[data-mode=copy], body[data-mode=outbox] { grid-template-columns: 1fr; }
  header { grid-column: 1 / -1; padding: 8px 12px; background: #f1f3f4; border-bottom: 1px solid #dadce0; display: flex; gap: 12px; align-items: center; }
  header h1 { font-size: 15px; margin: 0; }
  header .hint { color: #5f6368; }
  #bar { grid-column: 1; display: flex; gap: 6px; padding: 4px 8px; border-bottom: 1px solid #dadce0; align-items: center; }
  #bar input#formula { flex: 1; font: 12px monospace; padding: 3px 6px; }
  #bar #address { width: 64px; font: 12px monospace; color: #5f6368; }
  #status { color: #5f6368; min-width: 110px; }
  #status:not(:empty)::before { content: ''; display: inline-block; width: 9px; height: 9px; margin-right: 5px; border: 2px solid #1a73e8; border-right-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -1px; }
  @keyframes spin { to { transform: rotate(360deg); } }
  #grid { grid-column: 1; overflow: auto; position: relative; outline: none; }
  #sidebar { grid-column: 2; grid-row: 2 / 5; border-left: 1px solid #dadce0; width: 320px; height: 100%; }
  #tabs { grid-column: 1; display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; }
  #tabs button { border: 1px solid #dadce0; background: #fff; padding: 3px 10px; border-radius: 0 0 4px 4px; cursor: pointer; white-space: nowrap; font: inherit; }
  #tabs button[aria-selected=true] { background: #e8f0fe; color: #1967d2; font-weight: 600; }
  table { border-collapse: collapse; font-size: 12px; user-select: none; }
  td, th { border: 1px solid #e2e3e3; padding: 1px 4px; white-space: nowrap; max-width: 320px; overflow: hidden; text-overflow: ellipsis; height: 20px; }
  td { position: relative; cursor: cell; }
  td.num { text-align: right; max-width: none; text-overflow: clip; }
  td.spill { overflow: visible; }
  td.spill > span { position: absolute; left: 4px; top: 2px; z-index: 1; overflow: hidden; pointer-events: none; }
  th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 4; cursor: default; }
  th.row { position: sticky; left: 0; z-index: 5; width: 40px; min-width: 40px; }
  thead th.row { z-index: 6; }
  .pinned { position: sticky; z-index: 2; background: #fff; }
  td.pinned.spill { z-index: 3; }
  th.pinned { z-index: 5; background: #f8f9fa; }
  th.on { background: #d3e3fd; color: #202124; }
  td.in { background-color: #e8f0fe !important; }
  td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  td.flash { animation: flash 1.2s ease-out 2; }
  @keyframes flash { 50% { background-color: #fbbc04; } }
  td.frozen { border-bottom: 2px solid #9aa0a6; }
  td[data-note]::after { content: ''; position: absolute; right: 0; top: 0; border: 4px solid transparent; border-top-color: #fbbc04; border-right-color: #fbbc04; }
  td a { color: #1a73e8; }
  #editor { position: absolute; z-index: 7; font: 12px Roboto, Arial, sans-serif; padding: 1px 3px; border: 2px solid #1a73e8; outline: none; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  #more { padding: 6px 10px; color: #5f6368; }
  #error { color: #c5221f; }
`;

const BODY = {
  workbook: `<header><h1>Crewsheet preview</h1><span class="hint">The built add-on on an in-memory copy of the sample workbook. Nothing leaves this machine.</span><button id="undo" type="button" disabled title="Undo (Ctrl+Z)">Undo</button><button id="reset" type="button">Reset workbook</button><a id="outbox" href="/outbox" target="_blank" title="What the add-on sent: email and calendar events">Outbox</a></header>
<div id="bar"><span id="address" aria-label="Cell"></span><input id="formula" aria-label="Formula" placeholder="Select a cell and type; or type =SKILLMATCH(...) or another Crewsheet function and press Enter"><span id="status" role="status" aria-live="polite"></span><span id="error" role="alert"></span></div>
<div id="grid" role="grid" aria-label="Sheet" tabindex="0"></div>
<iframe id="sidebar" title="Crewsheet sidebar" src="/sidebar"></iframe>
<nav id="tabs" aria-label="Sheets"></nav>`,
  copy: `<header><h1 id="title">Client copy</h1><span class="hint">View only: exactly what the client sees when they open their copy.</span></header>
<div id="bar"><span id="address" aria-label="Cell"></span><input id="formula" aria-label="Cell value" readonly></div>
<div id="grid" role="grid" aria-label="Sheet" aria-readonly="true" tabindex="0"></div>
<nav id="tabs" aria-label="Sheets"></nav>`,
  outbox: `<header><h1 id="title">Outbox</h1><span class="hint">Preview only: the email Crewsheet sent and the events on its calendars, as recipients get them. Nothing leaves this machine.</span></header>
<div id="bar"><span id="address" aria-label="Cell"></span><input id="formula" aria-label="Cell value" readonly></div>
<div id="grid" role="grid" aria-label="Sheet" aria-readonly="true" tabindex="0"></div>
<nav id="tabs" aria-label="Sheets"></nav>`,
};

/** The page for the workbook (editable, with the sidebar), a client copy or the Outbox (read-only). */
export function page(mode: keyof typeof BODY): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Crewsheet preview</title>
<style>${STYLE}</style>
</head>
<body data-mode="${mode}">
${BODY[mode]}
<script src="/page.js"></script>
</body>
</html>`;
}

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
              if (reply.changed || reply.selected) parent.postMessage({ type: 'crewsheet:changed' }, '*');
            }, function (error) { fail(String(error)); });
        };
      }
    });
  }
  // A client copy lives in the preview's in-memory Drive: its Google address opens it here instead.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element && event.target.closest('a[href^="https://docs.google.com/spreadsheets/d/"]');
    var id = link && /\\/spreadsheets\\/d\\/([\\w-]+)/.exec(link.getAttribute('href'));
    if (!id) return;
    event.preventDefault();
    window.open('/copy/' + id[1], '_blank');
  }, true);
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
</script>`;
