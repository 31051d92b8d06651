// The big screen (大屏) an agency centre puts on the wall: 1920×1080, dark, no scrolling, refreshed every 30 s in
// place (the charts are built once and given new data, so it runs all day without growing).
import { t } from '/assets/i18n.js';
import { api, h, route, when } from '/assets/app.js';
import { chart, update } from '/assets/charts.js';

const REFRESH_MS = 30000;
let timer;

function leave() {
  clearInterval(timer);
  document.body.classList.remove('wall');
  window.removeEventListener('hashchange', onHash);
}
function onHash() {
  if (!location.hash.startsWith('#/wall')) leave();
}

function day(d) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const axis = { axisLabel: { color: '#c8d6e5', fontSize: 16 }, axisLine: { lineStyle: { color: '#48607a' } }, splitLine: { lineStyle: { color: '#22344a' } } };
const barOption = (names, values, color) => ({
  grid: { left: 10, right: 50, top: 10, bottom: 10, containLabel: true },
  xAxis: { type: 'value', minInterval: 1, ...axis }, yAxis: { type: 'category', inverse: true, data: names, ...axis },
  series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right', color: '#fff', fontSize: 16 } }],
});

route(/^\/wall$/, async () => {
  leave();
  document.body.classList.add('wall');
  window.addEventListener('hashchange', onHash);
  const tile = (id, key) => h('div', { class: 'wall-tile', id: 'wall-' + id }, h('b', {}, '—'), h('span', {}, t(key)));
  const tiles = [tile('today', 'monitor.today'), tile('overdue', 'monitor.overdue'), tile('backlog', 'monitor.backlog'),
    tile('records', 'monitor.records'), tile('capture', 'monitoring.capture'), tile('handling', 'wall.handlingP50')];
  const clock = h('span', { id: 'wall-clock' });
  const charts = {
    channel: chart('wall-channel', { series: [{ type: 'pie', radius: ['40%', '70%'], data: [], label: { color: '#fff', fontSize: 16 } }] }, { dark: true, height: '100%' }),
    hall: chart('wall-hall', barOption([], [], '#36a3f7'), { dark: true, height: '100%' }),
    backlog: chart('wall-backlog', barOption([], [], '#f7b731'), { dark: true, height: '100%' }),
    trend: chart('wall-trend', { grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true }, legend: { top: 0, textStyle: { color: '#c8d6e5', fontSize: 16 } },
      xAxis: { type: 'category', data: [], ...axis }, yAxis: { type: 'value', minInterval: 1, ...axis }, series: [] }, { dark: true, height: '100%' }),
    times: chart('wall-times', barOption([], [], '#26de81'), { dark: true, height: '100%' }),
    reviewers: chart('wall-reviewers', barOption([], [], '#a55eea'), { dark: true, height: '100%' }),
  };
  const panel = (key, c) => h('div', { class: 'wall-panel' }, h('h3', {}, t(key)), c);
  const screen = h('div', { id: 'wall' },
    h('div', { class: 'wall-head' }, h('h1', {}, t('wall.title')), clock),
    h('div', { class: 'wall-tiles' }, tiles),
    h('div', { class: 'wall-grid' },
      panel('monitor.byChannel', charts.channel), panel('monitor.byHall', charts.hall), panel('monitor.backlog', charts.backlog),
      panel('wall.trend', charts.trend), panel('wall.times', charts.times), panel('monitor.reviewers', charts.reviewers)),
    h('a', { href: '#/monitoring', class: 'wall-exit', id: 'wall-exit' }, t('wall.exit')));

  const set = (id, value, bad) => {
    const el = screen.querySelector('#wall-' + id);
    el.querySelector('b').textContent = value;
    el.classList.toggle('bad', !!bad);
  };
  const refresh = async () => {
    const m = await api('/api/monitoring/summary');
    const since = new Date();
    since.setDate(since.getDate() - 29);
    const range = `from=${day(since)}&to=${day(new Date())}`;
    const [byDay, byType, capture] = await Promise.all([
      api('/api/statistics/cases?groupBy=day&' + range).catch(() => null),
      api('/api/statistics/cases?groupBy=businessType&' + range).catch(() => null),
      api('/api/capture/queue').catch(() => null)]);
    const backlog = Object.values(m.backlogByState).reduce((a, b) => a + b, 0);
    set('today', m.casesToday); set('overdue', m.overdue, m.overdue > 0); set('backlog', backlog);
    set('records', m.records); set('capture', capture ? capture.queued + capture.running : '—', capture && capture.failedLastHour);
    set('handling', byType && byType.total.decisionP50Minutes !== null ? byType.total.decisionP50Minutes + ' ' + t('stat.minutesShort') : '—');
    update(charts.channel, { series: [{ data: Object.entries(m.todayByChannel).map(([k, v]) => ({ name: t('channel.' + k), value: v })) }] });
    update(charts.hall, { yAxis: { data: Object.keys(m.todayByHall) }, series: [{ data: Object.values(m.todayByHall) }] });
    update(charts.backlog, { yAxis: { data: Object.keys(m.backlogByState).map(k => t('status.' + k)) }, series: [{ data: Object.values(m.backlogByState) }] });
    update(charts.reviewers, { yAxis: { data: m.reviewers.map(r => r.reviewer) }, series: [{ data: m.reviewers.map(r => r.openTasks) }] });
    if (byDay) {
      update(charts.trend, { xAxis: { data: byDay.rows.map(r => r.key.slice(5)) },
        series: ['accepted', 'archived'].map(k => ({ name: t('stat.col.' + k), type: 'line', smooth: true, data: byDay.rows.map(r => r[k]) })) });
    }
    if (byType) {
      update(charts.times, { yAxis: { data: byType.rows.map(r => r.label) }, series: [{ data: byType.rows.map(r => r.decisionP50Minutes) }] });
    }
    clock.textContent = t('wall.updated', when(new Date().toISOString()));
    screen.dataset.refreshed = String(Number(screen.dataset.refreshed || 0) + 1);
  };
  // the first figures once the charts are drawn; then every 30 s while the screen is shown
  const drawn = async () => {
    for (let i = 0; i < 200 && !Object.values(charts).every(c => c.dataset.drawn); i++) await new Promise(r => setTimeout(r, 50));
  };
  drawn().then(refresh).catch(() => {});
  timer = setInterval(() => { if (screen.isConnected) refresh().catch(() => {}); else leave(); }, REFRESH_MS);
  return screen;
});
