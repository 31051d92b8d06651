// The page app: one shell, a view per screen, every text from the resource bundles, every call through api().
import { loadMessages, t, switchLanguage } from '/assets/i18n.js';
import { loadCatalogue } from '/assets/labels.js';

export const state = { user: null };

/** Calls the REST API; a failure becomes an Error whose message is the server's words (zh-CN and English). */
export async function api(path, options = {}) {
  const init = { ...options, headers: { 'X-Requested-With': 'fetch', ...(options.headers || {}) } };
  if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    init.headers['Content-Type'] = 'application/json';
  }
  let r;
  try {
    r = await fetch(path, init);
  } catch (e) {
    throw new Error(t('error.network'));
  }
  if (r.status === 401) {
    location.href = '/login.html';
    throw new Error(t('error.session'));
  }
  const type = r.headers.get('Content-Type') || '';
  if (!r.ok) {
    let message = t('error.http', r.status);
    if (type.includes('json')) {
      const body = await r.json();
      message = body.message || message;
      const err = new Error(message);
      err.code = body.code;
      err.status = r.status;
      throw err;
    }
    throw new Error(message);
  }
  if (options.raw) return r;
  if (r.status === 204) return null;
  return type.includes('json') ? r.json() : r.text();
}

/** Shows a message at the top of the screen: errors stay until closed, the rest fade. */
export function notify(text, kind = 'info') {
  const box = document.getElementById('notice');
  const item = document.createElement('div');
  item.className = 'notice ' + kind;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  item.textContent = text;
  const close = document.createElement('button');
  close.className = 'link';
  close.textContent = '×';
  close.onclick = () => item.remove();
  item.appendChild(close);
  box.appendChild(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 4000);
}

/** Runs a user action: shows the error in words, never fails silently; disables the button meanwhile. */
export async function act(button, fn) {
  if (button) button.disabled = true;
  try {
    return await fn();
  } catch (e) {
    notify(e.message, 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** Builds an element: h('td', {class: 'x'}, 'text', child…). Text is always text, never HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el[k] = v;
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** yyyy-MM-dd HH:mm in the browser's zone (the agency's server and browsers share one). */
export function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function has(role) {
  return state.user && state.user.roles.includes(role);
}

const routes = [];
export function route(pattern, render) {
  routes.push({ pattern, render });
}

let shown = 0;

async function show() {
  const hash = location.hash.replace(/^#/, '') || home();
  const view = document.getElementById('view');
  // a slower screen still loading must not replace the one the user went to since (a quick second click)
  const mine = ++shown;
  for (const r of routes) {
    const m = hash.match(r.pattern);
    if (m) {
      view.replaceChildren(h('p', { class: 'muted' }, t('common.loading')));
      let content;
      try {
        content = await r.render(...m.slice(1).map(decodeURIComponent));
      } catch (e) {
        content = h('div', { class: 'notice error', role: 'alert' }, e.message);
      }
      if (mine !== shown) return;
      view.replaceChildren(content);
      document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', hash.startsWith(a.dataset.base)));
      return;
    }
  }
  location.hash = '#' + home();
}

/** Shows the current screen again (after a change). */
export function refresh() {
  return show();
}

/** Each role starts where its work is. */
function home() {
  if (has('clerk')) return '/counter';
  if (has('reviewer')) return '/tasks';
  if (has('archivist') || has('auditor')) return '/archive';
  if (has('admin') || has('manager')) return '/monitoring';
  return '/archive';
}

const menu = [
  { base: '/counter', key: 'nav.counter', roles: ['clerk', 'admin'] },
  { base: '/tasks', key: 'nav.tasks', roles: ['reviewer'] },
  { base: '/cases', href: '/cases/open', key: 'nav.cases', roles: ['clerk', 'manager', 'admin', 'reviewer'] },
  { base: '/archive', key: 'nav.archive', roles: ['archivist', 'auditor', 'admin', 'reviewer', 'clerk'] },
  { base: '/borrowings', key: 'nav.borrowings', roles: ['archivist', 'admin', 'reviewer', 'clerk', 'auditor'] },
  { base: '/disposal', key: 'nav.disposal', roles: ['archivist', 'auditor', 'admin'] },
  { base: '/transfer', key: 'nav.transfer', roles: ['archivist', 'auditor', 'admin'] },
  { base: '/integrity', key: 'nav.integrity', roles: ['auditor', 'admin'] },
  { base: '/statistics', key: 'nav.statistics', roles: ['manager', 'admin', 'auditor'] },
  { base: '/monitoring', key: 'nav.monitoring', roles: ['manager', 'admin', 'auditor', 'archivist'] },
  { base: '/catalogue', key: 'nav.catalogue', roles: ['admin'] },
  { base: '/users', key: 'nav.users', roles: ['admin'] },
];

/** The user's own password: current, new twice; the server applies the policy and says what is wrong. */
function passwordView() {
  const current = h('input', { type: 'password', id: 'pw-current', autocomplete: 'current-password', required: true });
  const fresh = h('input', { type: 'password', id: 'pw-new', autocomplete: 'new-password', required: true });
  const again = h('input', { type: 'password', id: 'pw-again', autocomplete: 'new-password', required: true });
  const submit = h('button', { type: 'submit', id: 'pw-submit' }, t('password.submit'));
  const form = h('form', { class: 'card', id: 'password-form' },
    h('h2', {}, t('password.title')),
    h('label', {}, t('password.current'), current),
    h('label', {}, t('password.new'), fresh),
    h('label', {}, t('password.repeat'), again),
    h('p', { class: 'muted' }, t('password.rules')),
    submit);
  form.onsubmit = e => {
    e.preventDefault();
    if (fresh.value !== again.value) {
      notify(t('password.mismatch'), 'error');
      return;
    }
    act(submit, async () => {
      await api('/api/session/password', { method: 'POST', json: { currentPassword: current.value, newPassword: fresh.value } });
      notify(t('password.changed'));
      location.href = '/';
    });
  };
  return form;
}

export async function start() {
  await loadMessages();
  const me = await fetch('/api/session', { headers: { 'X-Requested-With': 'fetch' } });
  if (!me.ok) {
    location.href = '/login.html';
    return;
  }
  state.user = await me.json();
  await loadCatalogue(); // codes are shown by their names from here on
  document.getElementById('user').textContent = state.user.username;
  document.getElementById('lang').onclick = e => { e.preventDefault(); switchLanguage(); };
  document.getElementById('logout').onclick = async e => {
    e.preventDefault();
    await fetch('/api/session', { method: 'DELETE', headers: { 'X-Requested-With': 'fetch' } });
    location.href = '/login.html';
  };
  route(/^\/password$/, passwordView);
  if (state.user.mustChangePassword) {
    // an administrator's password is only good for replacing it: nothing else until then
    notify(t('password.required'), 'error');
    location.hash = '#/password';
    window.addEventListener('hashchange', show);
    await show();
    return;
  }
  const nav = document.getElementById('nav');
  for (const m of menu) {
    if (m.roles.some(has)) {
      nav.appendChild(h('a', { href: '#' + (m.href || m.base), 'data-base': m.base, id: 'nav-' + m.base.slice(1) }, t(m.key)));
    }
  }
  window.addEventListener('hashchange', show);
  await show();
}
