// Small sidebar components: buttons that report their own errors, progress, fields, problem lists.

import { formatProblem, type Problem } from '../src/model/problems';
import { clear, h, nextFrame, uid } from './dom';
import { server } from './server';

export interface Progress {
  element: HTMLElement;
  set(fraction: number, label: string): Promise<void>;
  hide(): void;
}

export function progress(): Progress {
  const bar = h('progress', { max: 100, value: 0 });
  const label = h('span', { class: 'progress-label' });
  const element = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, bar, label);
  return {
    element,
    async set(fraction, text) {
      element.hidden = false;
      bar.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
      label.textContent = text;
      await nextFrame();
    },
    hide() {
      element.hidden = true;
    },
  };
}

/** A message area placed right after the control it speaks for. */
export function messageArea(): HTMLElement {
  return h('div', { class: 'message', role: 'status', 'aria-live': 'polite', id: uid('msg') });
}

export function showMessage(area: HTMLElement, kind: 'ok' | 'error' | 'info', ...lines: (string | Node)[]): void {
  clear(area);
  area.className = `message ${kind}`;
  for (const line of lines) area.appendChild(typeof line === 'string' ? h('p', {}, ...linked(line)) : line);
}

/** A cell address in a message: Tasks!D20, Staff!A2:K2, 'My sheet'!B3. */
const ADDRESS = /('(?:[^']|'')+'|[A-Za-z][\w.]*)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g;

/** A link that selects a cell in the spreadsheet; if it cannot, says why beside it. */
export function cellLink(address: string, label = address): HTMLButtonElement {
  const link: HTMLButtonElement = h('button', { type: 'button', class: 'link', title: `Go to ${address}` }, label);
  link.addEventListener('click', () => {
    const shown = link.nextElementSibling;
    if (shown?.classList.contains('link-error')) shown.remove();
    server.showRange(address).catch((error: Error) => link.after(h('span', { class: 'link-error' }, ` (${error.message})`)));
  });
  return link;
}

/** Text with every cell address in it made a link to that cell. */
export function linked(text: string): (string | Node)[] {
  const parts: (string | Node)[] = [];
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(cellLink(m[0]));
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A problem, its cell (or its sheet, for a problem of the whole sheet) a link to it. */
function problemText(p: Problem): (string | Node)[] {
  if (p.cell) return linked(formatProblem(p));
  const quoted = /^[\w.]+$/.test(p.sheet) ? p.sheet : `'${p.sheet.replace(/'/g, "''")}'`;
  return [cellLink(`${quoted}!A1`, p.sheet), `: ${p.message}`];
}

/**
 * A button whose action runs once at a time; while it runs the button is disabled and busy, and a
 * failure is shown in the message area next to it, not in a popup.
 */
export function actionButton(label: string, area: HTMLElement, action: () => Promise<void>, primary = false): HTMLButtonElement {
  const button = h('button', { type: 'button', class: primary ? 'primary' : 'secondary', 'aria-describedby': area.id }, label);
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await action();
    } catch (error) {
      showMessage(area, 'error', error instanceof Error ? error.message : String(error));
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return button;
}

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  const error = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('div', { class: 'hint' }, hint) : null, error);
}

/** Shows an error under a field (or clears it with ''). */
export function fieldError(control: HTMLElement, message: string): void {
  const error = document.getElementById(`${control.id}-error`);
  if (error) error.textContent = message;
  control.setAttribute('aria-invalid', message ? 'true' : 'false');
}

export function problemList(problems: readonly Problem[], limit = 50): HTMLElement {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const shown = sorted.slice(0, limit);
  return h(
    'div',
    { class: 'problems' },
    h(
      'ul',
      {},
      ...shown.map((p) =>
        h('li', { class: p.severity }, h('span', { class: 'badge' }, p.severity === 'error' ? 'Error' : 'Warning'), ' ', ...problemText(p)),
      ),
    ),
    sorted.length > limit ? h('p', { class: 'hint' }, `…and ${sorted.length - limit} more.`) : null,
  );
}

/** A checkbox with its label beside it. */
export function checkbox(label: string, checked = false): { element: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', id: uid('check') });
  input.checked = checked;
  return { element: h('label', { class: 'check', for: input.id }, input, ` ${label}`), input };
}

export function select(options: readonly { value: string; label: string }[], value?: string): HTMLSelectElement {
  const element = h('select', {}, ...options.map((o) => h('option', { value: o.value }, o.label)));
  if (value !== undefined) element.value = value;
  return element;
}

export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
