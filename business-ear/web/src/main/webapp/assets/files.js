// The app's own file input: a drop zone that names the material it is for, in the page's language (the browser's
// own "Choose File" button speaks the browser's language, not the clerk's). Click to choose, or drop a file on it.
import { t } from '/assets/i18n.js';
import { h } from '/assets/app.js';

/** Returns {zone, input, file()}; {@code label()} names the material the zone currently takes. */
export function fileZone(label, accept, id = 'file') {
  const input = h('input', { type: 'file', id, accept, class: 'file-hidden' });
  const text = h('span', { class: 'dropzone-text' });
  const zone = h('label', { class: 'dropzone', id: id + '-zone' }, input, text);
  let dropped = null;
  const show = () => {
    const f = dropped || input.files[0];
    text.textContent = f ? t('files.chosen', f.name, Math.max(1, Math.round(f.size / 1024))) : t('files.dropHere', label());
    zone.classList.toggle('chosen', !!f);
  };
  input.onchange = () => { dropped = null; show(); };
  zone.ondragover = e => { e.preventDefault(); zone.classList.add('over'); };
  zone.ondragleave = () => zone.classList.remove('over');
  zone.ondrop = e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) dropped = e.dataTransfer.files[0];
    show();
  };
  show();
  return { zone, input, file: () => dropped || input.files[0], refresh: show };
}
