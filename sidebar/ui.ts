// Small sidebar components: buttons that report their own errors, progress, fields, problem lists.

import { formatProblem, type Problem } from '../src/model/problems';
import { clear, h, nextFrame, uid } from './dom';

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
  for (const line of lines) area.appendChild(typeof line === 'string' ? h('p', {}, line) : line);
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
        h('li', { class: p.severity }, h('span', { class: 'badge' }, p.severity === 'error' ? 'Error' : 'Warning'), ' ', formatProblem(p)),
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
