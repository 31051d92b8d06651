// The back office (后台审核): the inbox by deadline, the case beside its pages, the decision, then the next task.
import { t } from '/assets/i18n.js';
import { api, act, h, notify, route, state, when } from '/assets/app.js';
import { viewer } from '/assets/viewer.js';

function timeLeft(task) {
  const m = Math.abs(task.minutesLeft);
  const text = m >= 1440 ? t('tasks.days', Math.floor(m / 1440)) : m >= 60 ? t('tasks.hours', Math.floor(m / 60)) : t('tasks.minutes', m);
  return task.overdue ? t('tasks.overdueBy', text) : text;
}

route(/^\/tasks$/, async () => {
  const tasks = await api('/api/tasks');
  const rows = tasks.map(task => h('tr', { class: task.overdue ? 'overdue' : '', 'data-case': task.caseNumber },
    h('td', {}, h('a', { href: '#/tasks/' + task.caseNumber }, task.caseNumber)),
    h('td', {}, task.businessTypeName), h('td', {}, task.applicantName), h('td', {}, task.acceptedBy),
    h('td', {}, when(task.submittedAt)), h('td', {}, when(task.dueAt)),
    h('td', { class: task.overdue ? 'bad' : '' }, timeLeft(task))));
  // reminders: the inbox is ordered by deadline; the badges say how many are late or due before the day ends
  const endOfDay = new Date();
  endOfDay.setHours(23, 59, 59, 999);
  const overdue = tasks.filter(x => x.overdue).length;
  const dueToday = tasks.filter(x => !x.overdue && new Date(x.dueAt) <= endOfDay).length;
  const badges = h('div', { class: 'toolbar reminders', id: 'task-reminders' },
    h('span', { class: 'reminder' + (overdue ? ' bad' : ''), id: 'tasks-overdue' }, t('tasks.overdueCount', overdue)),
    h('span', { class: 'reminder', id: 'tasks-due-today' }, t('tasks.dueToday', dueToday)));
  return h('section', {}, h('h1', {}, t('tasks.title'), ' ', h('span', { class: 'badge', id: 'task-count' }, String(tasks.length))), badges,
    tasks.length ? h('table', { id: 'tasks' }, h('tr', {}, ['case', 'type', 'applicant', 'clerk', 'submitted', 'due', 'left']
      .map(k => h('th', {}, t('tasks.' + k)))), rows) : h('p', { class: 'muted', id: 'no-tasks' }, t('tasks.none')));
});

route(/^\/tasks\/([A-Z0-9]+)$/, async caseNumber => {
  const c = await api('/api/cases/' + caseNumber);
  const flags = await api(`/api/risk/cases/${caseNumber}/flags`);
  const comment = h('textarea', { id: 'decision-comment', rows: 3, placeholder: t('review.reason') });
  const decide = decision => {
    const b = document.getElementById('decide-' + decision);
    return act(b, async () => {
      if (!comment.value.trim()) throw new Error(t('review.reasonRequired'));
      const r = await api(`/api/tasks/${caseNumber}/decision`, { method: 'POST', json: { decision, comment: comment.value.trim() } });
      notify(t('review.decided', caseNumber, t('status.' + r.status)));
      const next = (await api('/api/tasks'))[0];
      location.hash = next ? '#/tasks/' + next.caseNumber : '#/tasks';
    });
  };
  const data = h('dl', { class: 'facts' },
    h('dt', {}, t('review.business')), h('dd', {}, c.businessTypeName),
    h('dt', {}, t('review.applicant')), h('dd', {}, `${c.applicantName} ${c.applicantIdNumber}`),
    c.employerCode ? [h('dt', {}, t('counter.employerCode')), h('dd', {}, `${c.employerName || ''} ${c.employerCode}`)] : null,
    h('dt', {}, t('review.accepted')), h('dd', {}, `${c.acceptedBy} · ${when(c.acceptedAt)} · ${t('channel.' + c.channel)}`),
    h('dt', {}, t('review.due')), h('dd', { class: c.overdue ? 'bad' : '' }, when(c.dueAt), c.overdue ? ' ' + t('tasks.overdue') : ''),
    c.supplementPromised ? [h('dt', {}, t('counter.promised')), h('dd', {}, c.supplementPromised)] : null);
  const checklist = h('ul', { class: 'checklist' }, c.requiredMaterials.map(m =>
    h('li', { class: m.provided ? 'provided' : 'missing' }, m.provided ? '✔ ' : '✘ ', m.nameZh)));
  const history = h('ul', {}, c.history.map(e => h('li', {}, `${when(e.at)} · ${e.actor} · ${t('status.' + e.to)} ${e.comment || ''}`)));
  const buttons = h('div', { class: 'toolbar' },
    h('button', { id: 'decide-APPROVE', class: 'primary', onclick: () => decide('APPROVE') }, t('review.approve')),
    h('button', { id: 'decide-SUPPLEMENT', onclick: () => decide('SUPPLEMENT') }, t('review.supplement')),
    h('button', { id: 'decide-REJECT', class: 'danger', onclick: () => decide('REJECT') }, t('review.reject')));
  const me = state.user.username;
  const pension = ['PENSION', 'PENSION_BACKPAY'].includes(c.businessType) && c.status === 'ASSIGNED' && c.assignedTo === me
    ? pensionForm(caseNumber) : null;
  const canDecide = c.status === 'ASSIGNED' && c.assignedTo === me && c.acceptedBy !== me;
  const why = c.acceptedBy === me ? h('div', { class: 'notice warn', id: 'four-eyes' }, t('review.fourEyes'))
    : h('p', { class: 'muted' }, t('review.notDecidable'));
  return h('section', { id: 'review' },
    h('h1', {}, t('review.title'), ' ', h('span', { id: 'case-number' }, c.caseNumber), ' ',
      h('span', { class: 'badge', id: 'case-status' }, t('status.' + c.status))),
    flags.length ? h('div', { class: 'notice warn', id: 'risk-flags', role: 'alert' }, h('b', {}, t('risk.title')),
      h('ul', {}, flags.map(f => h('li', {}, t('risk.kind.' + f.kind), '：', f.evidence)))) : null,
    h('div', { class: 'review-grid' },
      h('div', {}, viewer(c.documents.map(d => ({ ...d, materialName: (c.requiredMaterials.find(m => m.code === d.material) || {}).nameZh })))),
      h('aside', {}, data, h('h3', {}, t('counter.checklist')), checklist,
        pension,
        h('h3', {}, t('review.decision')), canDecide ? [comment, buttons] : why,
        h('h3', {}, t('counter.history')), history)));
});

/** The pension determination: the figures from the contribution record; the module checks the archive's evidence. */
function pensionForm(caseNumber) {
  const fields = { region: '440300', year: String(new Date().getFullYear()), retirementAge: '60', contributionYears: '',
    deemedYears: '0', transferInYears: '0', backPayYears: '0', averageIndex: '', accountBalance: '' };
  const inputs = Object.fromEntries(Object.entries(fields).map(([k, v]) =>
    [k, h('input', { id: 'pension-' + k, value: v, size: 10, inputmode: k === 'region' ? 'numeric' : 'decimal' })]));
  const result = h('p', { id: 'pension-result' });
  const button = h('button', { id: 'pension-compute' }, t('pension.compute'));
  button.onclick = () => act(button, async () => {
    const json = Object.fromEntries(Object.entries(inputs).map(([k, i]) =>
      [k, k === 'region' ? i.value.trim() : i.value.trim() === '' ? null : Number(i.value)]));
    const d = await api(`/api/pension/cases/${caseNumber}/determination`, { method: 'POST', json });
    result.className = 'good';
    const yuan = v => Number(v).toFixed(2);
    result.textContent = t('pension.result', yuan(d.monthlyPension), yuan(d.basicPension), yuan(d.personalAccountPension),
      yuan(d.transitionalPension));
  });
  return h('details', { id: 'pension', open: true }, h('summary', {}, t('pension.title')),
    h('dl', { class: 'facts' }, Object.entries(inputs).flatMap(([k, i]) => [h('dt', {}, t('pension.' + k)), h('dd', {}, i)])),
    button, result);
}
