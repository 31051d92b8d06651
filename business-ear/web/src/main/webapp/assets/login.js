// The sign-in page's script (a file, not an inline script: the Content-Security-Policy allows none).
import { loadMessages, t, switchLanguage } from '/assets/i18n.js';
await loadMessages();
document.getElementById('lang').onclick = e => { e.preventDefault(); switchLanguage(); };
document.getElementById('login').onsubmit = async e => {
  e.preventDefault();
  const r = await fetch('/api/session', { method: 'POST', body: new URLSearchParams(new FormData(e.target)),
    headers: { 'X-Requested-With': 'fetch' } });
  if (r.ok) { location.href = '/'; } else { document.getElementById('error').textContent = t('login.failed'); }
};
