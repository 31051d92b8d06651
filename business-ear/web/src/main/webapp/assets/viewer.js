// The page viewer: watermarked page images rendered by the server, zoom, rotate, fit, next/previous, keyboard.
import { t } from '/assets/i18n.js';
import { api, h, notify, when } from '/assets/app.js';
import { materialName } from '/assets/labels.js';

/**
 * A viewer over the documents (each {id, fileName, material}); pages are fetched one at a time as PNG with the
 * reader's watermark. Keys: ← → page, + − zoom, r rotate, f fit. Returns the element.
 */
export function viewer(documents, { showText = true } = {}) {
  const s = { doc: 0, page: 1, pages: 1, zoom: 1, rotate: 0, url: null };
  const img = h('img', { id: 'page-image', alt: '' });
  const label = h('span', { id: 'page-label' });
  const text = h('pre', { id: 'page-text', class: 'ocr' });
  const select = h('select', { id: 'page-doc', onchange: () => { s.doc = Number(select.value); s.page = 1; load(); } },
    documents.map((d, i) => h('option', { value: i }, [d.materialName || materialName(d.material),
      d.capture && d.capture.pages ? t('viewer.pages', d.capture.pages) : null, d.fileName, when(d.uploadedAt)].filter(Boolean).join(' · '))));
  const stage = h('div', { class: 'stage', tabindex: '0' }, img);

  function apply() {
    img.style.transform = `rotate(${s.rotate}deg)`;
    img.style.width = s.zoom === 'fit' ? '100%' : (s.zoom * 100) + '%';
  }
  async function load() {
    if (!documents.length) {
      label.textContent = t('viewer.none');
      return;
    }
    const d = documents[s.doc];
    try {
      const r = await api(`/api/documents/${d.id}/pages/${s.page}?dpi=110`, { raw: true });
      s.pages = Number(r.headers.get('X-Page-Count') || 1);
      const blob = await r.blob();
      if (s.url) URL.revokeObjectURL(s.url);
      s.url = URL.createObjectURL(blob);
      img.src = s.url;
      label.textContent = t('viewer.page', s.page, s.pages, s.doc + 1, documents.length);
      apply();
      if (showText) {
        text.textContent = (await api(`/api/documents/${d.id}/text`)) || t('viewer.noText');
      }
    } catch (e) {
      img.removeAttribute('src');
      label.textContent = '';
      notify(e.message, 'error');
    }
  }
  function next(step) {
    if (s.page + step >= 1 && s.page + step <= s.pages) {
      s.page += step;
    } else if (step > 0 && s.doc < documents.length - 1) {
      s.doc += 1; s.page = 1; select.value = s.doc;
    } else if (step < 0 && s.doc > 0) {
      s.doc -= 1; s.page = 1; select.value = s.doc;
    } else {
      return;
    }
    load();
  }
  const zoom = f => { s.zoom = (s.zoom === 'fit' ? 1 : s.zoom) * f; apply(); };
  const rotate = () => { s.rotate = (s.rotate + 90) % 360; apply(); };
  const fit = () => { s.zoom = 'fit'; s.rotate = 0; apply(); };
  stage.onkeydown = e => {
    const keys = { ArrowRight: () => next(1), ArrowLeft: () => next(-1), '+': () => zoom(1.25), '=': () => zoom(1.25),
      '-': () => zoom(0.8), r: rotate, f: fit };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  };
  const bar = h('div', { class: 'toolbar' }, select,
    h('button', { id: 'page-prev', title: '←', onclick: () => next(-1) }, t('viewer.prev')),
    h('button', { id: 'page-next', title: '→', onclick: () => next(1) }, t('viewer.next')),
    h('button', { title: '+', onclick: () => zoom(1.25) }, t('viewer.zoomIn')),
    h('button', { title: '−', onclick: () => zoom(0.8) }, t('viewer.zoomOut')),
    h('button', { title: 'r', onclick: rotate }, t('viewer.rotate')),
    h('button', { title: 'f', onclick: fit }, t('viewer.fit')), label);
  s.zoom = 'fit';
  load();
  return h('div', { class: 'viewer' }, bar, h('div', { class: showText ? 'split' : '' }, stage,
    showText ? h('div', {}, h('h4', {}, t('viewer.text')), text) : null), h('p', { class: 'muted' }, t('viewer.keys')));
}
