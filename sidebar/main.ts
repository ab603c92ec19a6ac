// The sidebar: a tab per job, each panel built on first open.

import { clear, h } from './dom';
import { budgetPanel } from './panels/budget';
import { closeoutPanel } from './panels/closeout';
import { planPanel } from './panels/plan';
import { quotasPanel } from './panels/quotas';
import { sharePanel } from './panels/share';
import { sheetsPanel } from './panels/sheets';
import { staffingPanel } from './panels/staffing';
import { timelinePanel } from './panels/timeline';
import { servePlanner } from './planner-worker';

interface Panel {
  id: string;
  label: string;
  build: () => HTMLElement;
}

const PANELS: Panel[] = [
  { id: 'plan', label: 'Plan', build: planPanel },
  { id: 'timeline', label: 'Timeline', build: timelinePanel },
  { id: 'budget', label: 'Budget', build: budgetPanel },
  { id: 'staffing', label: 'Staffing', build: staffingPanel },
  { id: 'closeout', label: 'Close-out', build: closeoutPanel },
  { id: 'quotas', label: 'Quotas', build: quotasPanel },
  { id: 'share', label: 'Share', build: sharePanel },
  { id: 'sheets', label: 'Sheets', build: sheetsPanel },
];

function mount(root: HTMLElement): void {
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Crewsheet' });
  const body = h('div', { class: 'panels' });
  const built = new Map<string, HTMLElement>();

  const select = (id: string, focus = false) => {
    for (const button of tabs.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const on = button.dataset.panel === id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      if (on && focus) button.focus();
    }
    for (const [panelId, element] of built) element.hidden = panelId !== id;
    if (!built.has(id)) {
      const panel = PANELS.find((p) => p.id === id) as Panel;
      const element = h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: 0 }, panel.build());
      built.set(id, element);
      body.appendChild(element);
    }
  };

  for (const panel of PANELS) {
    tabs.appendChild(
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${panel.id}`,
          'aria-controls': `panel-${panel.id}`,
          'data-panel': panel.id,
          onclick: () => select(panel.id),
        },
        panel.label,
      ),
    );
  }
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  tabs.addEventListener('keydown', (event) => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 };
    const step = keys[(event as KeyboardEvent).key];
    if (!step) return;
    const ids = PANELS.map((p) => p.id);
    const current = ids.indexOf((document.activeElement as HTMLElement)?.dataset.panel ?? ids[0]);
    select(ids[(current + step + ids.length) % ids.length], true);
    event.preventDefault();
  });

  clear(root);
  root.append(h('header', { class: 'brand' }, h('h1', {}, 'Crewsheet')), tabs, body);
  select(PANELS[0].id);
}

// The same script runs as a planner worker (see planning.ts), where there is no document.
if (typeof document === 'undefined') servePlanner(self as unknown as Parameters<typeof servePlanner>[0]);
else mount(document.getElementById('app') as HTMLElement);
