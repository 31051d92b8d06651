// Finding one's cases (案件查询): my open cases, those sent back to me, 容缺受理 promises, overdue cases, and a search
// by applicant, status and acceptance days — always within the caller's hall. The counts are the counter's badges.
import { t } from '/assets/i18n.js';
import { api, h, route, when, has } from '/assets/app.js';

export const VIEWS = ['open', 'returned', 'promised', 'overdue', 'all'];
const STATUSES = ['ACCEPTED', 'SUBMITTED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED', 'REJECTED', 'APPROVED',
  'AWAITING_MATERIALS', 'ARCHIVED', 'WITHDRAWN', 'CLOSED'];

/** The badge row: each count links to its list; red when something is overdue. */
export async function reminderBadges() {
  const r = await api('/api/cases/reminders');
  const badge = (view, key, n, bad) => h('a', { href: '#/cases/' + view, class: 'reminder' + (bad && n ? ' bad' : ''), id: 'reminder-' + key },
    t('cases.reminder.' + key), ' ', h('span', { class: 'badge' }, String(n)));
  return h('div', { class: 'toolbar reminders', id: 'reminders' },
    badge('open', 'myOpen', r.myOpen, false),
    badge('returned', 'returnedToMe', r.returnedToMe, false),
    badge('promised', 'promisesDueToday', r.promisesDueToday, false),
    badge('promised', 'promisesOverdue', r.promisesOverdue, true),
    badge('overdue', 'overdue', r.overdue, true));
}

/** Where a case opens: the counter for the front office, the review screen for a reviewer. */
function caseLink(c) {
  return has('clerk') || has('admin') ? '#/counter/' + c.caseNumber : has('reviewer') ? '#/tasks/' + c.caseNumber : '#/counter/' + c.caseNumber;
}

function remark(c) {
  if (c.closedReason) return c.closedReason;
  if (c.promiseOpen) return t(c.promiseOverdue ? 'cases.promiseOverdue' : 'cases.promisedBy', c.supplementPromised);
  if (['SUPPLEMENT_REQUESTED', 'REJECTED'].includes(c.status) && c.decisionComment) return t('cases.reviewerSaid', c.decisionComment);
  return '';
}

route(/^\/cases\/(open|returned|promised|overdue|all)(?:\?.*)?$/, async view => {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const page = Number(params.get('page') || 0);
  const q = new URLSearchParams({ page, size: 20 });
  if (view !== 'all') q.set('view', view);
  if (view === 'open' || view === 'returned') q.set('mine', has('clerk') ? 'true' : 'false');
  for (const k of ['applicant', 'status', 'from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  const result = await api('/api/cases?' + q);

  const applicant = h('input', { id: 'cases-applicant', value: params.get('applicant') || '', placeholder: t('cases.applicantHint'), maxlength: 50 });
  const status = h('select', { id: 'cases-status' }, h('option', { value: '' }, t('cases.anyStatus')),
    STATUSES.map(s => h('option', { value: s, selected: params.get('status') === s }, t('status.' + s))));
  const from = h('input', { type: 'date', id: 'cases-from', value: params.get('from') || '' });
  const to = h('input', { type: 'date', id: 'cases-to', value: params.get('to') || '' });
  const search = h('form', { class: 'toolbar', id: 'cases-search' },
    h('label', {}, t('cases.applicant'), applicant), h('label', {}, t('cases.status'), status),
    h('label', {}, t('cases.from'), from), h('label', {}, t('cases.to'), to),
    h('button', { type: 'submit', id: 'cases-find' }, t('search.submit')));
  search.onsubmit = e => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (applicant.value.trim()) p.set('applicant', applicant.value.trim());
    for (const [k, el] of [['status', status], ['from', from], ['to', to]]) if (el.value) p.set(k, el.value);
    location.hash = '#/cases/all?' + p;
  };

  const tabs = h('nav', { class: 'tabs', id: 'cases-tabs' }, VIEWS.map(v =>
    h('a', { href: '#/cases/' + v, class: v === view ? 'active' : '', id: 'cases-tab-' + v }, t('cases.view.' + v))));
  const rows = result.items.map(c => h('tr', { 'data-case': c.caseNumber, class: c.overdue || c.promiseOverdue ? 'overdue' : '' },
    h('td', {}, h('a', { href: caseLink(c) }, c.caseNumber)),
    h('td', {}, c.businessTypeName), h('td', {}, c.applicantName), h('td', {}, c.applicantIdMasked),
    h('td', {}, h('span', { class: 'badge' }, t('status.' + c.status))),
    h('td', {}, when(c.acceptedAt)), h('td', { class: c.overdue ? 'bad' : '' }, when(c.dueAt)),
    h('td', { class: 'remark' }, remark(c))));
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const pager = h('p', { class: 'muted', id: 'cases-total' }, t('cases.total', result.total, page + 1, pages), ' ',
    page > 0 ? h('a', { href: `#/cases/${view}?${withPage(params, page - 1)}` }, '‹') : null, ' ',
    page + 1 < pages ? h('a', { href: `#/cases/${view}?${withPage(params, page + 1)}` }, '›') : null);
  return h('section', { id: 'cases' }, h('h1', {}, t('cases.title')), await reminderBadges(), tabs, search,
    result.items.length
      ? h('table', { id: 'case-list' }, h('tr', {}, ['case', 'type', 'applicant', 'citizenId', 'status', 'accepted', 'due', 'remark']
        .map(k => h('th', {}, t('cases.col.' + k)))), rows)
      : h('p', { class: 'muted', id: 'cases-none' }, t('cases.none')),
    pager);
});

function withPage(params, page) {
  const p = new URLSearchParams(params);
  p.set('page', page);
  return p.toString();
}
