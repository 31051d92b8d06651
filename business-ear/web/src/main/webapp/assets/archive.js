// The archive room (档案室): search, the person's archive, a record with its four-property reports, holds, borrowing,
// disposal lists, and the integrity results.
import { t } from '/assets/i18n.js';
import { materialName, typeName } from '/assets/labels.js';
import { api, act, h, has, notify, refresh, route, when } from '/assets/app.js';
import { viewer } from '/assets/viewer.js';
import { fileZone } from '/assets/files.js';

/** The server's highlight is HTML-escaped text with <em> marks: only the marks become elements. */
function highlight(text) {
  const span = h('span', { class: 'highlight' });
  const parts = (text || '').split(/(<em>|<\/em>)/);
  let em = false;
  const decode = s => { const x = document.createElement('textarea'); x.innerHTML = s; return x.value; };
  for (const p of parts) {
    if (p === '<em>') em = true;
    else if (p === '</em>') em = false;
    else if (p) span.appendChild(em ? h('mark', {}, decode(p)) : document.createTextNode(decode(p)));
  }
  return span;
}

route(/^\/archive(?:\?(.*))?$/, async query => {
  const params = new URLSearchParams(query || '');
  const fields = ['q', 'citizenId', 'name', 'businessType', 'archiveNumber', 'category', 'from', 'to'];
  const inputs = Object.fromEntries(fields.map(f => [f, h('input', { id: 'search-' + f, name: f, value: params.get(f) || '',
    type: f === 'from' || f === 'to' ? 'date' : 'text' })]));
  const form = h('form', { class: 'grid search', id: 'search-form' },
    fields.map(f => h('label', { class: f === 'q' ? 'wide' : '' }, t('search.' + f), inputs[f])),
    h('button', { type: 'submit', id: 'search-submit', class: 'primary' }, t('search.submit')));
  form.onsubmit = e => {
    e.preventDefault();
    const p = new URLSearchParams();
    fields.forEach(f => { if (inputs[f].value.trim()) p.set(f, inputs[f].value.trim()); });
    location.hash = '#/archive?' + p.toString();
  };
  const section = h('section', {}, h('h1', {}, t('search.title')), form);
  if ([...params.keys()].length) {
    const page = Number(params.get('page') || 0);
    params.set('size', '20');
    const r = await api('/api/archive/search?' + params.toString());
    section.appendChild(h('p', { id: 'search-total' }, t('search.total', r.total)));
    section.appendChild(h('ol', { id: 'hits', class: 'hits', start: page * 20 + 1 }, r.hits.map(hit =>
      h('li', {}, h('a', { href: '#/record/' + hit.archiveNumber, class: 'hit-link' }, `${hit.archiveNumber} · ${hit.title}`),
        h('div', { class: 'muted' }, `${hit.applicantName} · ${typeName(hit.businessType)} · ${materialName(hit.material, hit.businessType)} · ${when(hit.archivedAt)}`),
        h('div', {}, highlight(hit.highlight))))));
    const pages = Math.ceil(r.total / 20);
    const go = n => { params.set('page', n); params.delete('size'); location.hash = '#/archive?' + params.toString(); };
    section.appendChild(h('div', { class: 'toolbar' },
      page > 0 ? h('button', { id: 'prev-page', onclick: () => go(page - 1) }, t('viewer.prev')) : null,
      h('span', {}, t('search.page', page + 1, Math.max(pages, 1))),
      page + 1 < pages ? h('button', { id: 'next-page', onclick: () => go(page + 1) }, t('viewer.next')) : null));
  }
  return section;
});

route(/^\/person\/([0-9X]{18})$/, async id => {
  const records = await api('/api/archive/persons/' + id);
  return h('section', {}, h('h1', {}, t('person.title', id)), recordsTable(records));
});

function recordsTable(records) {
  return h('table', { id: 'records' }, h('tr', {}, ['number', 'type', 'material', 'title', 'retention', 'archived']
    .map(k => h('th', {}, t('record.' + k)))), records.map(r => h('tr', {},
    h('td', {}, h('a', { href: '#/record/' + r.archiveNumber }, r.archiveNumber)), h('td', {}, typeName(r.businessType)),
    h('td', {}, materialName(r.material, r.businessType)), h('td', {}, r.title), h('td', {}, t('retention.' + r.retention)), h('td', {}, when(r.archivedAt)))));
}

route(/^\/record\/(.+)$/, async number => {
  const r = await api('/api/archive/records/' + number);
  const section = h('section', { id: 'record' }, h('h1', {}, t('record.title'), ' ', h('span', { id: 'archive-number' }, r.archiveNumber)));
  section.appendChild(h('dl', { class: 'facts' },
    h('dt', {}, t('record.case')), h('dd', {}, r.caseNumber || ''),
    h('dt', {}, t('record.person')), h('dd', {}, has('archivist') ? h('a', { href: '#/person/' + r.citizenId }, r.citizenId) : r.citizenId),
    h('dt', {}, t('record.type')), h('dd', {}, `${typeName(r.businessType)} · ${materialName(r.material, r.businessType)} · ${r.title}`),
    h('dt', {}, t('record.retention')), h('dd', { id: 'retention' }, t('retention.' + r.retention), r.retainUntil ? ' → ' + r.retainUntil : ''),
    h('dt', {}, t('record.hold')), h('dd', { id: 'hold' }, r.legalHold ? t('record.held', r.holdReason || '') : t('record.notHeld')),
    h('dt', {}, t('record.restricted')), h('dd', { id: 'restricted' }, r.restricted ? t('common.yes') : t('common.no')),
    h('dt', {}, 'SHA-256 / SM3'), h('dd', { class: 'mono' }, r.sha256, h('br'), r.sm3),
    h('dt', {}, t('record.archived')), h('dd', {}, when(r.archivedAt)),
    r.disposedAt ? [h('dt', {}, t('record.disposed')), h('dd', { class: 'bad' }, when(r.disposedAt))] : null));
  if (has('archivist') || has('admin')) {
    const reason = h('input', { id: 'hold-reason', placeholder: t('record.reason') });
    const hold = h('button', { id: 'hold-toggle' }, r.legalHold ? t('record.release') : t('record.placeHold'));
    hold.onclick = () => act(hold, async () => {
      if (r.legalHold) await api(`/api/archive/records/${number}/hold`, { method: 'DELETE' });
      else await api(`/api/archive/records/${number}/hold`, { method: 'PUT', json: { reason: reason.value } });
      refresh();
    });
    const restrict = h('button', { id: 'restrict-toggle' }, r.restricted ? t('record.open') : t('record.restrict'));
    restrict.onclick = () => act(restrict, async () => {
      await api(`/api/archive/records/${number}/restriction`, { method: 'PUT', json: { restricted: !r.restricted, reason: reason.value } });
      refresh();
    });
    const check = h('button', { id: 'run-check' }, t('record.runCheck'));
    check.onclick = () => act(check, async () => {
      const report = await api(`/api/archive/dossiers/${r.caseNumber}/checks`, { method: 'POST' });
      notify(report.passed ? t('check.passed') : t('check.failed'), report.passed ? 'info' : 'error');
      refresh();
    });
    section.appendChild(h('div', { class: 'toolbar' }, reason, hold, restrict, check));
  }
  if (!r.disposedAt) {
    const purpose = h('input', { id: 'borrow-purpose', placeholder: t('borrow.purpose') });
    const days = h('input', { id: 'borrow-days', type: 'number', min: 1, max: 30, value: 3 });
    const borrow = h('button', { id: 'borrow' }, t('borrow.request'));
    borrow.onclick = () => act(borrow, async () => {
      const b = await api('/api/archive/borrowings', { method: 'POST', json: { archiveNumber: number, purpose: purpose.value, days: Number(days.value) } });
      notify(t('borrow.requested', b.id));
    });
    section.appendChild(h('div', { class: 'toolbar' }, h('span', {}, t('borrow.title')), purpose, days, borrow));
    section.appendChild(h('h3', {}, t('record.pages')));
    section.appendChild(viewer([{ id: r.documentId, fileName: r.title, material: r.material, materialName: materialName(r.material, r.businessType) }]));
  }
  if (has('archivist') || has('auditor') || has('admin') || has('reviewer')) {
    const reports = await api(`/api/archive/records/${number}/checks`).catch(() => []);
    section.appendChild(h('h3', {}, t('check.title')));
    section.appendChild(h('div', { id: 'checks' }, reports.slice(0, 3).map(report => h('details', { open: report === reports[0] },
      h('summary', { class: report.passed ? 'good' : 'bad' },
        `${when(report.checkedAt)} · ${t('check.occasion.' + report.occasion)} · ${report.checkedBy} · ${report.passed ? t('check.passed') : t('check.failed')}`),
      h('table', { class: 'check' }, report.items.map(i => h('tr', { class: i.passed ? '' : 'failed' },
        h('td', {}, t('check.property.' + i.property)), h('td', {}, i.subject), h('td', {}, i.check),
        h('td', {}, i.passed ? '✔' : '✘'), h('td', {}, i.detail))))))));
  }
  return section;
});

route(/^\/borrowings$/, async () => {
  const list = await api('/api/archive/borrowings');
  const decide = (b, decision, button) => act(button, async () => {
    const comment = prompt(t('borrow.comment')) || '';
    await api(`/api/archive/borrowings/${b.id}/decision`, { method: 'POST', json: { decision, comment } });
    refresh();
  });
  return h('section', {}, h('h1', {}, t('borrow.list')), h('table', { id: 'borrowings' },
    h('tr', {}, ['id', 'record', 'reader', 'purpose', 'days', 'status', 'expires', ''].map(k => h('th', {}, k ? t('borrow.' + k) : ''))),
    list.map(b => {
      const actions = h('td', {});
      if (b.status === 'REQUESTED' && (has('archivist') || has('admin'))) {
        const yes = h('button', { class: 'small' }, t('borrow.approve'));
        const no = h('button', { class: 'small danger' }, t('borrow.reject'));
        yes.onclick = () => decide(b, 'APPROVE', yes);
        no.onclick = () => decide(b, 'REJECT', no);
        actions.append(yes, no);
      }
      return h('tr', {}, h('td', {}, b.id), h('td', {}, h('a', { href: '#/record/' + b.archiveNumber }, b.archiveNumber)),
        h('td', {}, b.requestedBy), h('td', {}, b.purpose), h('td', {}, b.days), h('td', {}, t('borrow.status.' + b.status)),
        h('td', {}, b.active ? when(b.expiresAt) : ''), actions);
    })));
});

route(/^\/disposal$/, async () => {
  const lists = await api('/api/archive/disposal/lists');
  const start = h('button', { id: 'appraise' }, t('disposal.appraise'));
  start.onclick = () => act(start, async () => {
    let run = await api('/api/archive/disposal/appraisals', { method: 'POST' });
    for (let i = 0; i < 60 && !['COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED'].includes(run.status); i++) {
      await new Promise(r => setTimeout(r, 1000));
      run = await api('/api/archive/disposal/appraisals/' + run.execution);
    }
    notify(run.listId ? t('disposal.listed', run.listId) : t('disposal.nothing'));
    refresh();
  });
  const section = h('section', {}, h('h1', {}, t('disposal.title')), has('archivist') || has('admin') ? start : null);
  for (const l of lists) {
    // the list's items are fetched when it is opened, not all lists' items up front
    const body = h('div', {}, h('p', { class: 'muted' }, t('common.loading')));
    const details = h('details', {}, h('summary', {}, t('disposal.listSummary', l.id, l.appraisedOn, t('disposal.status.' + l.status))), body);
    details.ontoggle = () => { if (details.open && !details.loaded) { details.loaded = true; act(null, () => listBody(l.id, body)); } };
    section.appendChild(details);
  }
  return section;
});

async function listBody(id, body) {
  const list = await api('/api/archive/disposal/lists/' + id);
  const actions = h('div', { class: 'toolbar' });
  if (list.status === 'PROPOSED' && has('admin')) {
    for (const d of ['APPROVE', 'REJECT']) {
      const b = h('button', {}, t('disposal.' + d));
      b.onclick = () => act(b, async () => {
        await api(`/api/archive/disposal/lists/${id}/decision`, { method: 'POST', json: { decision: d, comment: prompt(t('disposal.comment')) || '' } });
        refresh();
      });
      actions.appendChild(b);
    }
  }
  if (list.status === 'APPROVED' && (has('archivist') || has('admin'))) {
    const b = h('button', { class: 'danger' }, t('disposal.execute'));
    b.onclick = () => act(b, async () => { await api(`/api/archive/disposal/lists/${id}/execute`, { method: 'POST' }); refresh(); });
    actions.appendChild(b);
  }
  actions.appendChild(h('a', { class: 'button', href: `/api/archive/disposal/lists/${id}/print`, target: '_blank', id: 'print-list-' + id }, t('print.list')));
  body.replaceChildren(h('p', {}, t('disposal.items', list.items.length)), actions,
    h('table', {}, list.items.map(i => h('tr', {}, h('td', {}, i.archiveNumber), h('td', {}, i.retainUntil),
      h('td', {}, t('disposal.outcome.' + i.outcome)), h('td', {}, i.detail || '')))));
}

route(/^\/transfer$/, async () => {
  const canMove = has('archivist') || has('admin');
  const registerTable = h('table', { id: 'transfer-register' });
  const showRegister = async () => {
    const register = await api('/api/transfers/register');
    registerTable.replaceChildren(h('tr', {}, ['at', 'package', 'direction', 'outcome', 'records', 'actor', 'digest']
      .map(k => h('th', {}, t('transfer.col.' + k)))),
    ...register.map(e => h('tr', {}, h('td', {}, when(e.at)), h('td', { class: 'mono' }, e.packageId), h('td', {}, t('transfer.direction.' + e.direction)),
      h('td', { class: ['REJECTED', 'REFUSED'].includes(e.outcome) ? 'bad' : '' }, t('transfer.outcome.' + e.outcome)), h('td', {}, e.records),
      h('td', {}, e.actor), h('td', { class: 'mono' }, (e.tagManifestSha256 || '').slice(0, 16)))));
  };
  const scope = h('select', { id: 'transfer-scope' }, ['DOSSIER', 'PERSON', 'PERIOD'].map(s => h('option', { value: s }, t('transfer.scope.' + s))));
  const value = h('input', { id: 'transfer-value', placeholder: t('transfer.value') });
  const from = h('input', { id: 'transfer-from', type: 'date', title: t('transfer.from') });
  const to = h('input', { id: 'transfer-to', type: 'date', title: t('transfer.to') });
  const exportButton = h('button', { id: 'transfer-export', class: 'primary' }, t('transfer.export'));
  exportButton.onclick = () => act(exportButton, async () => {
    const s = scope.value;
    const json = s === 'DOSSIER' ? { scope: s, caseNumber: value.value.trim() } : s === 'PERSON' ? { scope: s, citizenId: value.value.trim() }
      : { scope: s, from: from.value + 'T00:00:00Z', to: to.value + 'T00:00:00Z' };
    const r = await api('/api/transfers/exports', { method: 'POST', json, raw: true });
    const id = r.headers.get('X-Earchive-Package');
    const link = h('a', { href: URL.createObjectURL(await r.blob()), download: id + '.zip' });
    link.click();
    notify(t('transfer.exported', id));
    await showRegister();
  });
  const file = fileZone(() => t('transfer.package'), '.zip,application/zip', 'transfer-file');
  const fonds = h('input', { id: 'transfer-fonds', placeholder: t('transfer.fonds'), size: 16 });
  const out = h('div', { id: 'transfer-result' });
  const send = (path, button) => act(button, async () => {
    if (!file.file()) throw new Error(t('transfer.file'));
    const r = await fetch(path, { method: 'POST', body: file.file(), headers: { 'Content-Type': 'application/zip', 'X-Requested-With': 'fetch' } });
    const report = await r.json();
    if (!report.problems) throw new Error(report.message || r.status);
    out.replaceChildren(report.problems.length
      ? h('div', { class: 'notice error' }, t('transfer.problems'), h('ul', {}, report.problems.map(p => h('li', { class: 'mono' }, p))))
      : h('p', { class: 'good' }, t('transfer.result', report.outcome, report.records, report.imported, report.alreadyHeld)));
    await showRegister();
  });
  const verify = h('button', { id: 'transfer-verify' }, t('transfer.verify'));
  verify.onclick = () => send('/api/transfers/verify', verify);
  const receive = h('button', { id: 'transfer-receive', class: 'primary' }, t('transfer.receive'));
  receive.onclick = () => send('/api/transfers/imports' + (fonds.value.trim() ? '?fonds=' + encodeURIComponent(fonds.value.trim()) : ''), receive);
  await showRegister();
  return h('section', {}, h('h1', {}, t('transfer.title')),
    canMove ? [h('h3', {}, t('transfer.export')), h('div', { class: 'toolbar' }, scope, value, from, to, exportButton),
      h('h3', {}, t('transfer.import')), h('div', { class: 'toolbar' }, file.zone, fonds, verify, receive), out] : null,
    h('h3', {}, t('transfer.register'), ' ', h('a', { class: 'button', href: '/api/transfers/register.pdf', target: '_blank', id: 'print-register' }, t('print.register'))),
    registerTable);
});

route(/^\/integrity$/, async () => {
  const out = h('div', { id: 'integrity-result' });
  const fixity = h('button', { id: 'run-fixity' }, t('integrity.fixity'));
  fixity.onclick = () => act(fixity, async () => {
    const r = await api('/api/admin/fixity-audit', { method: 'POST' });
    out.replaceChildren(h('p', { class: r.mismatches.length || r.missing.length ? 'bad' : 'good' },
      t('integrity.fixityResult', r.checked, r.mismatches.length, r.missing.length)),
    h('ul', {}, [...r.mismatches, ...r.missing].map(m => h('li', { class: 'mono' }, JSON.stringify(m)))));
  });
  const chain = h('button', { id: 'run-chain' }, t('integrity.chain'));
  chain.onclick = () => act(chain, async () => {
    const r = await api('/api/audit/verify');
    out.replaceChildren(h('p', { class: r.valid ? 'good' : 'bad' },
      r.valid ? t('integrity.chainOk', r.checked) : t('integrity.chainBroken', r.firstBrokenSeq, r.reason)));
  });
  const c = await api('/api/admin/fixity/coverage');
  const coverage = h('div', { id: 'fixity-coverage', class: 'card' },
    h('h3', {}, t('integrity.coverage', c.cycleDays)),
    h('p', { class: c.failingCount ? 'bad' : 'good' }, t('integrity.coverageLine', c.objects, c.verifiedInCycle, c.percent, c.neverVerified, c.dueNow)),
    h('p', {}, c.oldestVerification ? t('integrity.oldest', when(c.oldestVerification)) : t('integrity.neverYet')),
    c.failingCount ? [h('p', { class: 'bad' }, t('integrity.failing', c.failingCount)),
      h('table', { id: 'fixity-failing' }, h('tr', {}, ['key', 'outcome', 'detail', 'at'].map(k => h('th', {}, t('integrity.col.' + k)))),
        c.failing.map(f => h('tr', {}, h('td', { class: 'mono' }, f.objectKey), h('td', { class: 'bad' }, f.outcome),
          h('td', { class: 'mono' }, f.detail || ''), h('td', {}, when(f.at)))))] : null,
    h('p', { id: 'orphan-scan', class: c.orphanScan.orphans ? 'bad' : '' }, t('integrity.orphans', c.orphanScan.scannedInPass,
      when(c.orphanScan.passStartedAt), c.orphanScan.passes, c.orphanScan.orphans)),
    c.orphanScan.lastPassEndedAt ? h('p', { class: 'muted' }, t('integrity.lastPass', when(c.orphanScan.lastPassEndedAt), c.orphanScan.lastPassScanned)) : null,
    c.orphanScan.orphanKeys.length ? h('ul', {}, c.orphanScan.orphanKeys.map(k => h('li', { class: 'mono' }, k))) : null);
  return h('section', {}, h('h1', {}, t('integrity.title')), coverage, h('div', { class: 'toolbar' }, fixity, chain), out);
});
