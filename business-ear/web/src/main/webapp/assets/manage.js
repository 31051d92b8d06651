// Monitoring (live counts and charts) and the administration of the business catalogue.
import { t } from '/assets/i18n.js';
import { api, act, h, has, notify, route, when } from '/assets/app.js';
import { bars, disposeCharts } from '/assets/charts.js';

let timer;
route(/^\/monitoring$/, async () => {
  clearInterval(timer);
  const box = h('div', { id: 'monitoring' });
  const draw = async () => {
    if (!document.body.contains(box) && timer) { clearInterval(timer); return; }
    const m = await api('/api/monitoring/summary');
    const flags = has('manager') || has('admin') || has('auditor') ? await api('/api/risk/flags?limit=20') : null;
    const capture = await api('/api/capture/queue').catch(() => null);
    disposeCharts(box);
    box.replaceChildren(
      h('div', { class: 'tiles' },
        h('div', { class: 'tile' }, h('b', { id: 'cases-today' }, m.casesToday), t('monitor.today')),
        h('div', { class: 'tile' + (m.overdue ? ' bad' : '') }, h('b', { id: 'overdue' }, m.overdue), t('monitor.overdue')),
        h('div', { class: 'tile' + (m.archivingBlocked ? ' bad' : '') }, h('b', {}, m.archivingBlocked), t('monitor.blocked')),
        h('div', { class: 'tile' }, h('b', {}, m.records), t('monitor.records')),
        h('div', { class: 'tile' }, h('b', {}, (m.archivedBytes / 1e9).toFixed(2) + ' GB'), t('monitor.storage')),
        capture ? h('div', { class: 'tile' + (capture.failedLastHour ? ' bad' : ''), id: 'capture-queue' },
          h('b', {}, capture.queued + capture.running), t('monitoring.capture'),
          h('small', {}, t('monitoring.captureQueued', capture.queued, capture.running)),
          h('small', {}, t('monitoring.capturePages', capture.pagesLastHour, (capture.pagesLastHour / 60).toFixed(1),
            capture.failedLastHour))) : null),
      h('div', { class: 'columns' },
        h('div', {}, h('h3', {}, t('monitor.byChannel')), bars('chart-channel', m.todayByChannel, k => t('channel.' + k))),
        h('div', {}, h('h3', {}, t('monitor.byHall')), bars('chart-hall', m.todayByHall)),
        h('div', {}, h('h3', {}, t('monitor.backlog')), bars('chart-backlog', m.backlogByState, k => t('status.' + k))),
        h('div', {}, h('h3', {}, t('monitor.queues')), bars('chart-queues', m.queues, k => t('queue.' + k))),
        h('div', {}, h('h3', {}, t('monitor.reviewers')),
          bars('chart-reviewers', Object.fromEntries(m.reviewers.map(r => [r.reviewer + (r.absent ? ' ⌀' : ''), r.openTasks]))))),
      flags ? h('div', { id: 'risk-flags' }, h('h3', {}, t('risk.title')), flags.length
        ? h('table', {}, h('tr', {}, ['case', 'kind', 'evidence', 'at'].map(k => h('th', {}, t('risk.col.' + k)))),
          flags.map(f => h('tr', {}, h('td', {}, f.caseNumber), h('td', {}, t('risk.kind.' + f.kind)),
            h('td', {}, f.evidence), h('td', {}, when(f.raisedAt)))))
        : h('p', { class: 'muted' }, t('risk.none'))) : null,
      h('p', { class: 'muted' }, t('monitor.updated', when(m.at))));
  };
  await draw();
  timer = setInterval(() => draw().catch(e => notify(e.message, 'error')), 10000);
  const wall = h('a', { class: 'button', id: 'open-wall', href: '#/wall' }, t('wall.open'));
  return h('section', {}, h('h1', {}, t('monitor.title'), ' ', wall), box);
});

route(/^\/catalogue$/, async () => {
  const types = await api('/api/catalogue/business-types');
  const section = h('section', {}, h('h1', {}, t('catalogue.title')));
  for (const ty of types) {
    const f = name => h('input', { name, value: ty[name] });
    const fields = { nameZh: f('nameZh'), nameEn: f('nameEn'), deadlineHours: h('input', { name: 'deadlineHours', type: 'number', min: 1, value: ty.deadlineHours }),
      archiveCategory: f('archiveCategory'), reviewerSkill: f('reviewerSkill') };
    const retention = h('select', { name: 'retention' }, ['PERMANENT', 'Y100', 'Y50', 'Y30', 'Y10']
      .map(r => h('option', { value: r, selected: r === ty.retention }, t('retention.' + r))));
    const supplement = h('input', { type: 'checkbox', name: 'supplementAllowed', checked: ty.supplementAllowed });
    const materials = h('textarea', { rows: ty.materials.length + 1, name: 'materials' },
      ty.materials.map(m => `${m.code} | ${m.nameZh} | ${m.nameEn} | ${m.required ? t('counter.required') : '-'}`).join('\n'));
    const save = h('button', { class: 'primary' }, t('catalogue.save'));
    save.onclick = () => act(save, async () => {
      const body = { code: ty.code, version: ty.version, retention: retention.value, supplementAllowed: supplement.checked,
        deadlineHours: Number(fields.deadlineHours.value), nameZh: fields.nameZh.value, nameEn: fields.nameEn.value,
        archiveCategory: fields.archiveCategory.value, reviewerSkill: fields.reviewerSkill.value,
        materials: materials.value.split('\n').filter(l => l.trim()).map(l => {
          const [code, nameZh, nameEn, req] = l.split('|').map(x => (x || '').trim());
          return { code, nameZh, nameEn, required: req === t('counter.required') || req === 'required' };
        }) };
      const saved = await api('/api/catalogue/business-types/' + ty.code, { method: 'PUT', json: body });
      ty.version = saved.version;
      notify(t('catalogue.saved', ty.code));
    });
    section.appendChild(h('details', {}, h('summary', {}, `${ty.code} · ${ty.nameZh}`),
      h('div', { class: 'grid' }, Object.entries(fields).map(([k, input]) => h('label', {}, t('catalogue.' + k), input)),
        h('label', {}, t('catalogue.retention'), retention), h('label', {}, t('catalogue.supplementAllowed'), supplement),
        h('label', { class: 'wide' }, t('catalogue.materials'), materials), save)));
  }
  return section;
});

route(/^\/users$/, async () => {
  const users = await api('/api/admin/users');
  const ROLES = ['clerk', 'reviewer', 'archivist', 'auditor', 'admin', 'manager', 'service'];
  const row = u => {
    const name = h('input', { value: u.displayName || '', 'data-field': 'displayName' });
    const hall = h('input', { value: u.hall || '', size: 8, 'data-field': 'hall' });
    const roles = ROLES.map(r => h('label', { class: 'inline' }, h('input', { type: 'checkbox', value: r, checked: (u.roles || []).includes(r) }), t('role.' + r)));
    const skills = h('input', { value: (u.skills || []).join(' '), size: 18, 'data-field': 'skills' });
    const absent = h('input', { type: 'checkbox', checked: u.absent, 'data-field': 'absent' });
    const enabled = h('input', { type: 'checkbox', checked: u.enabled !== false, 'data-field': 'enabled' });
    const password = h('input', { type: 'password', size: 10, placeholder: t('users.newPassword'), autocomplete: 'new-password' });
    const username = h('input', { value: u.username || '', size: 10, disabled: !!u.username });
    const save = h('button', { class: 'small primary' }, t('catalogue.save'));
    save.onclick = () => act(save, async () => {
      const body = { username: username.value.trim(), displayName: name.value, hall: hall.value || null,
        roles: roles.map(l => l.firstChild).filter(c => c.checked).map(c => c.value),
        skills: skills.value.split(/[\s,]+/).filter(Boolean), absent: absent.checked, enabled: enabled.checked,
        password: password.value || null };
      await api('/api/admin/users/' + encodeURIComponent(body.username), { method: 'PUT', json: body });
      password.value = '';
      notify(t('users.saved', body.username));
    });
    return h('tr', { 'data-user': u.username || 'new' }, h('td', {}, username), h('td', {}, name), h('td', {}, hall),
      h('td', {}, roles), h('td', {}, skills), h('td', {}, absent), h('td', {}, enabled), h('td', {}, password), h('td', {}, save));
  };
  return h('section', {}, h('h1', {}, t('users.title')), h('table', { id: 'users' },
    h('tr', {}, ['username', 'displayName', 'hall', 'roles', 'skills', 'absent', 'enabled', 'password', ''].map(k => h('th', {}, k ? t('users.' + k) : ''))),
    users.map(row), row({ enabled: true, roles: [] })), h('p', { class: 'muted' }, t('users.hint')));
});
