// 统计分析: handling volumes, rates and times over a period, grouped; charts and downloads (XLSX, CSV).
import { t } from '/assets/i18n.js';
import { api, h, route } from '/assets/app.js';
import { chart } from '/assets/charts.js';

const GROUPS = ['businessType', 'hall', 'channel', 'reviewer', 'day'];

function day(d) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The period presets a centre manager uses: today, the last 7 and 30 days, this year. */
function preset(name) {
  const today = new Date();
  const from = new Date(today);
  if (name === 'week') from.setDate(today.getDate() - 6);
  if (name === 'month') from.setDate(today.getDate() - 29);
  if (name === 'year') { from.setMonth(0); from.setDate(1); }
  return { from: day(from), to: day(today) };
}

const pct = r => (r * 100).toFixed(1) + '%';
const minutes = m => (m === null || m === undefined ? '—' : String(m));

route(/^\/statistics(?:\?.*)?$/, async () => {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const period = { ...preset('month'), ...Object.fromEntries(['from', 'to'].filter(k => params.get(k)).map(k => [k, params.get(k)])) };
  const groupBy = params.get('groupBy') || 'businessType';
  const q = new URLSearchParams({ from: period.from, to: period.to, groupBy });
  const s = await api('/api/statistics/cases?' + q);

  const from = h('input', { type: 'date', id: 'stat-from', value: period.from });
  const to = h('input', { type: 'date', id: 'stat-to', value: period.to });
  const group = h('select', { id: 'stat-group' }, GROUPS.map(g => h('option', { value: g, selected: g === groupBy }, t('stat.group.' + g))));
  const go = (f, tt, g) => { location.hash = '#/statistics?' + new URLSearchParams({ from: f, to: tt, groupBy: g }); };
  const form = h('form', { class: 'toolbar', id: 'stat-form' },
    h('label', {}, t('cases.from'), from), h('label', {}, t('cases.to'), to), h('label', {}, t('stat.groupBy'), group),
    h('button', { type: 'submit', id: 'stat-show', class: 'primary' }, t('stat.show')),
    ['today', 'week', 'month', 'year'].map(p => {
      const b = h('button', { type: 'button', class: 'small', id: 'stat-preset-' + p }, t('stat.preset.' + p));
      b.onclick = () => { const x = preset(p); go(x.from, x.to, group.value); };
      return b;
    }),
    h('a', { class: 'button', id: 'stat-xlsx', href: '/api/statistics/cases.xlsx?' + q }, t('stat.xlsx')),
    h('a', { class: 'button', id: 'stat-csv', href: '/api/statistics/cases.csv?' + q }, t('stat.csv')),
    h('a', { class: 'button', id: 'stat-pdf', href: '/api/statistics/cases.pdf?' + q, target: '_blank' }, t('print.report')));
  form.onsubmit = e => { e.preventDefault(); go(from.value, to.value, group.value); };

  const cols = ['accepted', 'decided', 'archived', 'rejected', 'withdrawn', 'supplementRate', 'overdueRate',
    'decisionP50Minutes', 'decisionP90Minutes', 'archivingP50Minutes', 'archivingP90Minutes'];
  const cell = (r, c) => c.endsWith('Rate') ? pct(r[c]) : c.endsWith('Minutes') ? minutes(r[c]) : r[c];
  const label = r => s.groupBy === 'channel' ? t('channel.' + r.key) : r.label;
  const line = (r, total) => h('tr', { class: total ? 'total' : '', 'data-key': total ? '*' : r.key },
    h('td', {}, total ? t('stat.total') : label(r)), cols.map(c => h('td', { class: 'num' }, cell(r, c))));
  const table = h('table', { id: 'stat-table' },
    h('tr', {}, h('th', {}, t('stat.group.' + s.groupBy)), cols.map(c => h('th', { class: 'num' }, t('stat.col.' + c)))),
    s.rows.map(r => line(r, false)), line(s.total, true));

  const names = s.rows.map(label);
  const volumes = chart('stat-chart-volume', {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value', minInterval: 1 },
    series: ['accepted', 'decided', 'archived'].map(k => ({ name: t('stat.col.' + k), type: s.groupBy === 'day' ? 'line' : 'bar', data: s.rows.map(r => r[k]) })),
  }, { height: '300px' });
  const times = chart('stat-chart-times', {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value', name: t('stat.minutes') },
    series: ['decisionP50Minutes', 'decisionP90Minutes'].map(k => ({ name: t('stat.col.' + k), type: 'bar', data: s.rows.map(r => r[k]) })),
  }, { height: '300px' });
  return h('section', { id: 'statistics' }, h('h1', {}, t('stat.title')),
    h('p', { class: 'muted' }, t('stat.period', s.from, s.to)), form,
    s.rows.length ? h('div', { class: 'columns' }, h('div', {}, h('h3', {}, t('stat.volume')), volumes),
      h('div', {}, h('h3', {}, t('stat.times')), times)) : h('p', { class: 'muted', id: 'stat-none' }, t('stat.none')),
    table);
});
