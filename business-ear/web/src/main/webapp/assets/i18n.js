// Texts come from the resource bundles under /i18n; zh-CN first, English on request.
export const lang = localStorage.getItem('earchive.lang') || 'zh-CN';
let bundle = {};
export async function loadMessages() {
  const file = lang === 'en' ? 'messages_en.json' : 'messages_zh-CN.json';
  bundle = await (await fetch('/i18n/' + file)).json();
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.title = t('app.title');
}
export function t(key, ...args) {
  let s = bundle[key] || key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
  return s;
}
export function switchLanguage() {
  localStorage.setItem('earchive.lang', lang === 'en' ? 'zh-CN' : 'en');
  location.reload();
}
