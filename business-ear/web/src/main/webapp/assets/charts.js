// Charts with Apache ECharts, bundled into the WAR at build time (the npm package as a WebJar; nothing from a CDN).
// Drawn on a canvas: the SVG renderer writes style attributes, which the pages' Content-Security-Policy refuses.
import { t } from '/assets/i18n.js';
import { h } from '/assets/app.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
let loading;

/** Loads the library once (a classic script: its bundle sets window.echarts). */
export function echarts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading = loading || new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = ECHARTS;
    s.onload = () => resolve(window.echarts);
    s.onerror = () => { loading = null; reject(new Error(t('chart.unavailable'))); };
    document.head.appendChild(s);
  });
  return loading;
}

/**
 * A chart in a box of its own: the element is returned at once and drawn when it is on the page and has a size
 * (a screen is built before it is shown). {@code option} is ECharts' option object.
 */
export function chart(id, option, { dark = false, height } = {}) {
  const box = h('div', { id, class: 'echart' + (dark ? ' dark' : '') });
  if (height) box.style.height = height;
  let tries = 0;
  const draw = async () => {
    if (!box.isConnected || box.clientWidth === 0) {
      if (tries++ < 200) requestAnimationFrame(draw);
      return;
    }
    const lib = await echarts();
    const c = lib.getInstanceByDom(box) || lib.init(box, dark ? 'dark' : null, { renderer: 'canvas' });
    c.setOption({ backgroundColor: 'transparent', animation: false, ...option }, true);
    box.dataset.drawn = 'true';
    new ResizeObserver(() => c.resize()).observe(box);
  };
  requestAnimationFrame(draw);
  return box;
}

/** Horizontal bars of {label: count}: the monitoring screen's look at a glance. */
export function bars(id, counts, label = k => k, opts = {}) {
  const entries = Object.entries(counts);
  return chart(id, {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => label(k)) },
    series: [{ type: 'bar', data: entries.map(([, v]) => v), label: { show: true, position: 'right' }, itemStyle: { color: '#0b7dda' } }],
  }, { height: Math.max(120, entries.length * 34 + 30) + 'px', ...opts });
}

/** Frees the charts under {@code root} before it is replaced (the library keeps every instance until disposed). */
export function disposeCharts(root) {
  if (!window.echarts) return;
  root.querySelectorAll('.echart').forEach(el => { const c = window.echarts.getInstanceByDom(el); if (c) c.dispose(); });
}

/** Gives a drawn chart new data in place (the wall screen refreshes all day without building anything again). */
export function update(box, option) {
  const c = window.echarts && window.echarts.getInstanceByDom(box);
  if (c) c.setOption(option);
}
