// The counter (前台受理): open a case, collect its materials (scan, upload, reuse), print, submit.
import { t } from '/assets/i18n.js';
import { api, act, h, notify, refresh, route, when } from '/assets/app.js';
import { viewer } from '/assets/viewer.js';
import { reminderBadges } from '/assets/cases.js';
import { fileZone } from '/assets/files.js';
import { typeName } from '/assets/labels.js';

const AGENT = 'http://127.0.0.1:17300';

route(/^\/counter$/, async () => {
  const types = await api('/api/catalogue/business-types');
  const type = h('select', { id: 'business-type', required: true },
    types.map(ty => h('option', { value: ty.code }, typeName(ty.code))));
  const id = h('input', { id: 'citizen-id', required: true, maxlength: 18, autocomplete: 'off', placeholder: '110105194912310021' });
  const name = h('input', { id: 'applicant-name', required: true, maxlength: 50 });
  const channel = h('select', { id: 'channel' },
    ['COUNTER', 'ONLINE', 'KIOSK', 'MOBILE'].map(c => h('option', { value: c }, t('channel.' + c))));
  const employer = h('input', { id: 'employer-code', maxlength: 18, placeholder: t('counter.employerOptional') });
  const employerName = h('input', { id: 'employer-name', maxlength: 200 });
  const checklist = h('ul', { id: 'preview-checklist', class: 'checklist' });
  const preview = () => {
    const ty = types.find(x => x.code === type.value);
    checklist.replaceChildren(...ty.materials.map(m =>
      h('li', { class: m.required ? 'required' : '' }, `${m.nameZh} · ${m.nameEn}`, m.required ? ` (${t('counter.required')})` : '')));
  };
  type.onchange = preview;
  preview();
  // the counter types nothing it scanned: the application form or ID card is scanned first, its checked fields fill
  // the form, the clerk confirms; the scan then goes to the case it opened
  const reading = readApplicantFromScan(type, types, { id, name, employer });
  const submit = h('button', { type: 'submit', id: 'open-case' }, t('counter.open'));
  const form = h('form', { class: 'grid', id: 'open-form' },
    h('label', {}, t('counter.businessType'), type),
    h('label', {}, t('counter.citizenId'), id),
    h('label', {}, t('counter.applicantName'), name),
    h('label', {}, t('counter.channel'), channel),
    h('label', {}, t('counter.employerCode'), employer),
    h('label', {}, t('counter.employerName'), employerName),
    submit);
  form.onsubmit = e => {
    e.preventDefault();
    act(submit, async () => {
      const body = { businessType: type.value, applicant: { idNumber: id.value.trim(), name: name.value.trim() }, channel: channel.value };
      if (employer.value.trim()) body.employer = { creditCode: employer.value.trim(), name: employerName.value.trim() };
      const c = await api('/api/cases', { method: 'POST', json: body });
      notify(t('counter.opened', c.caseNumber));
      await reading.giveTo(c.caseNumber);
      location.hash = '#/counter/' + c.caseNumber;
    });
  };
  const badges = await reminderBadges().catch(() => null);
  return h('section', {}, h('h1', {}, t('counter.title')), badges,
    h('div', { class: 'columns' }, h('div', {}, reading.box, form), h('div', {}, h('h3', {}, t('counter.checklist')), checklist)));
});

route(/^\/counter\/([A-Z0-9]+)$/, async caseNumber => {
  const c = await api('/api/cases/' + caseNumber);
  const section = h('section', { id: 'case' });
  const open = ['ACCEPTED', 'SUPPLEMENT_REQUESTED', 'REJECTED'].includes(c.status);
  // 容缺受理: past the counter, the case still takes the promised materials, and only those
  const promisedOnly = !open && c.promiseOpen;
  const nameOf = code => (c.requiredMaterials.find(m => m.code === code) || {}).nameZh || code;
  section.appendChild(h('h1', {}, t('counter.case'), ' ', h('span', { id: 'case-number' }, c.caseNumber), ' ',
    h('span', { class: 'badge', id: 'case-status' }, t('status.' + c.status))));
  section.appendChild(h('p', {}, `${c.businessTypeName} · ${c.applicantName} · ${c.applicantIdNumber}`,
    c.employerCode ? ` · ${c.employerName || ''} ${c.employerCode}` : '', ` · ${t('counter.due')} ${when(c.dueAt)}`));
  if (c.closedReason) {
    section.appendChild(h('div', { class: 'notice warn', id: 'closure' },
      t('counter.closure', t('status.' + c.status), c.closedReason, c.closedBy, when(c.closedAt))));
  } else if (c.decisionComment) {
    section.appendChild(h('div', { class: 'notice warn', id: 'decision-comment' }, t('counter.reviewerSaid', c.decidedBy || ''), c.decisionComment));
  }

  const list = h('ul', { class: 'checklist', id: 'checklist' }, c.requiredMaterials.map(m =>
    h('li', { class: (m.provided ? 'provided' : 'missing') + (m.required ? ' required' : ''), 'data-code': m.code },
      m.provided ? '✔ ' : '✘ ', `${m.nameZh} · ${m.nameEn}`, m.required ? ` (${t('counter.required')})` : '')));
  section.appendChild(h('h3', {}, t('counter.checklist'), ' ',
    c.missingMaterials.length ? h('span', { class: 'bad', id: 'missing-count' }, t('counter.missing', c.missingMaterials.length))
      : h('span', { class: 'good', id: 'missing-count' }, t('counter.complete'))));
  section.appendChild(list);

  if (promisedOnly) {
    section.appendChild(h('div', { class: 'notice warn', id: 'promised-only' },
      t('counter.promisedOnly', c.missingMaterials.map(nameOf).join('、'), c.supplementPromised)));
  }
  if (open || promisedOnly) {
    // upload
    const choices = promisedOnly ? c.requiredMaterials.filter(m => c.missingMaterials.includes(m.code)) : c.requiredMaterials;
    const material = h('select', { id: 'material' }, choices.map(m =>
      h('option', { value: m.code, selected: !m.provided && m.required }, m.nameZh)));
    const picker = fileZone(() => nameOf(material.value), '.pdf,.tif,.tiff,.jpg,.jpeg,.png,.jp2');
    material.onchange = picker.refresh;
    const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true });
    const upload = h('button', { id: 'upload' }, t('counter.upload'));
    upload.onclick = () => act(upload, async () => {
      const chosen = picker.file();
      if (!chosen) throw new Error(t('counter.chooseFile'));
      progress.hidden = false;
      await uploadWithProgress(caseNumber, material.value, chosen, progress);
      notify(t('counter.uploaded', chosen.name));
      refresh();
    });
    const scan = h('button', { id: 'scan' }, t('counter.scan'));
    const scanArea = h('div', { id: 'scan-area' });
    scan.onclick = () => act(scan, () => scanWithAgent(caseNumber, material.value, scanArea, c.applicantIdNumber));
    section.appendChild(h('div', { class: 'toolbar' }, h('label', {}, t('counter.material'), material), picker.zone, upload, scan, progress));
    section.appendChild(scanArea);
    const pending = sessionStorage.getItem('earchive.scan.' + caseNumber);
    if (pending && localStorage.getItem('earchive.agentToken')) {
      // the stack scanned before the case was opened: its quality control, then the clerk sends it
      sessionStorage.removeItem('earchive.scan.' + caseNumber);
      qualityControl(pending, agentHeaders(), scanArea, c.applicantIdNumber).catch(e => notify(e.message, true));
    }

    // reuse
    const offers = promisedOnly ? [] : await api(`/api/cases/${caseNumber}/reusable`).catch(() => []);
    if (offers.length) {
      section.appendChild(h('h3', {}, t('counter.reuse')));
      section.appendChild(h('ul', { id: 'reuse-offers' }, offers.map(r => {
        const b = h('button', { class: 'small', 'data-archive-number': r.archiveNumber }, t('counter.reuseThis'));
        b.onclick = () => act(b, async () => {
          await api(`/api/cases/${caseNumber}/documents/reuse`, { method: 'POST', json: { archiveNumber: r.archiveNumber } });
          notify(t('counter.reused', r.archiveNumber));
          refresh();
        });
        return h('li', {}, `${nameOf(r.material)} · ${r.title} · ${r.archiveNumber} · ${when(r.archivedAt)} `, b);
      })));
    }
  }

  section.appendChild(h('h3', {}, t('counter.documents')));
  const remove = d => {
    // a wrong file, or an original whose capture failed, is taken back before the case goes to the back office
    const b = h('button', { class: 'small', 'data-remove': d.id }, t('doc.remove'));
    b.onclick = () => act(b, async () => {
      if (!confirm(t('doc.removeConfirm', d.fileName))) return;
      await api(`/api/cases/${caseNumber}/documents/${d.id}?reason=${encodeURIComponent(t('doc.removeReason'))}`, { method: 'DELETE' });
      notify(t('doc.removed', d.fileName));
      refresh();
    });
    return b;
  };
  section.appendChild(h('table', { id: 'documents' }, h('tr', {}, ['material', 'file', 'state', 'size', 'time'].map(k => h('th', {}, t('doc.' + k))), open ? h('th', {}) : null),
    c.documents.map(d => h('tr', { 'data-document': d.id }, h('td', {}, nameOf(d.material)), h('td', {}, d.fileName), documentState(d),
      h('td', {}, Math.round(d.size / 1024) + ' KB'), h('td', {}, when(d.uploadedAt)), open ? h('td', {}, remove(d)) : null))));
  if (c.documents.some(d => d.capture && d.capture.state === 'PROCESSING')) {
    // live: the screen asks again while an original is being captured on the server (only if it is still shown)
    const shownHash = location.hash;
    setTimeout(() => { if (location.hash === shownHash) refresh(); }, 3000);
  }
  if (c.documents.length) section.appendChild(viewer(c.documents.map(d => ({ ...d, materialName: nameOf(d.material) })), { showText: false }));

  const actions = h('div', { class: 'toolbar' },
    h('a', { class: 'button', id: 'print-notice', href: `/api/cases/${caseNumber}/notice`, target: '_blank' }, t('counter.printNotice')),
    h('a', { class: 'button', id: 'print-receipt', href: `/api/cases/${caseNumber}/receipt`, target: '_blank' }, t('counter.printReceipt')));
  if (open) {
    const promised = h('input', { type: 'date', id: 'promised' });
    const submit = h('button', { id: 'submit-case', class: 'primary' }, t('counter.submit'));
    submit.onclick = () => act(submit, async () => {
      const body = promised.value ? { supplementPromisedDate: promised.value } : {};
      const r = await api(`/api/cases/${caseNumber}/submit`, { method: 'POST', json: body });
      notify(t('counter.submitted', r.assignedTo || '-'));
      refresh();
    });
    actions.append(h('label', {}, t('counter.promised'), promised), submit);
  }
  const ending = endCase(c);
  if (ending) actions.append(ending);
  section.appendChild(actions);
  section.appendChild(h('h3', {}, t('counter.history')));
  section.appendChild(h('ul', { id: 'history' }, c.history.map(e =>
    h('li', {}, `${when(e.at)} · ${e.actor} · ${e.to ? t('status.' + e.to) : ''} ${e.comment || ''}`))));
  return section;
});

/** The applicant withdraws an undecided case; a rejected case is closed. Both keep the reason with the case. */
function endCase(c) {
  const withdraw = ['ACCEPTED', 'SUBMITTED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED'].includes(c.status);
  if (!withdraw && c.status !== 'REJECTED') return null;
  const what = withdraw ? 'withdraw' : 'close';
  const reason = h('input', { id: 'end-reason', maxlength: 500, size: 36, placeholder: t(`counter.${what}Reason`) });
  const button = h('button', { id: 'end-' + what, class: 'danger' }, t('counter.' + what));
  button.onclick = () => act(button, async () => {
    if (!reason.value.trim()) throw new Error(t('counter.reasonRequired'));
    await api(`/api/cases/${c.caseNumber}/${what}`, { method: 'POST', json: { reason: reason.value.trim() } });
    notify(t(withdraw ? 'counter.withdrawn' : 'counter.closed', c.caseNumber));
    refresh();
  });
  return h('span', { class: 'toolbar end-case' }, reason, button);
}

/** A document's state: the archival copy, or an original and where its server-side capture stands. */
function documentState(d) {
  const c = d.capture;
  if (!c) return h('td', { class: 'doc-state' }, t(d.role === 'ORIGINAL' ? 'doc.original' : 'doc.archival'));
  if (c.state === 'PROCESSING') return h('td', { class: 'doc-state processing' }, t('doc.processing'));
  if (c.state === 'FAILED') return h('td', { class: 'doc-state bad', 'data-code': c.errorCode }, t('doc.captureFailed', c.message, c.errorCode));
  return h('td', { class: 'doc-state good' }, t('doc.captured', c.pages ?? '-'));
}

function uploadWithProgress(caseNumber, material, file, progress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('material', material);
    form.append('file', file, file.name);
    const x = new XMLHttpRequest();
    x.open('POST', `/api/cases/${caseNumber}/documents`);
    x.setRequestHeader('X-Requested-With', 'fetch');
    x.upload.onprogress = e => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); };
    x.onload = () => {
      if (x.status === 200 || x.status === 201) resolve(JSON.parse(x.responseText));
      else {
        try { reject(new Error(JSON.parse(x.responseText).message)); } catch (e) { reject(new Error(t('error.http', x.status))); }
      }
    };
    x.onerror = () => reject(new Error(t('error.network')));
    x.send(form);
  });
}

function agentHeaders() {
  const token = localStorage.getItem('earchive.agentToken');
  if (!token) throw new Error(t('counter.agentToken'));
  return { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' };
}

/** Asks the station's agent to scan a stack into a new batch (for a case, or to be read first); returns its id. */
async function startScan(target) {
  let r;
  try {
    r = await fetch(AGENT + '/scans', { method: 'POST', headers: agentHeaders(), body: JSON.stringify(target) });
  } catch (e) {
    throw new Error(t('counter.agentAway'));
  }
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).message || t('error.http', r.status));
  return (await r.json()).batchId;
}

/**
 * Scan to fill in (扫描读取): the application form or ID card copy is scanned before the case exists; the citizen
 * ID, name and credit code the station read and checked are proposed in the form, marked for the clerk to confirm; a
 * field that did not validate is left for the clerk. Once the case is opened the batch is given to it.
 */
function readApplicantFromScan(type, types, inputs) {
  const paper = h('select', { id: 'read-material' });
  const fill = () => {
    const ty = types.find(x => x.code === type.value);
    const papers = ty.materials.filter(m => ['APPLICATION_FORM', 'CLAIM_FORM', 'ID_CARD'].includes(m.code));
    paper.replaceChildren(...papers.map(m => h('option', { value: m.code }, m.nameZh)));
  };
  type.addEventListener('change', fill);
  fill();
  const button = h('button', { type: 'button', id: 'scan-read' }, t('counter.scanRead'));
  const area = h('div', { id: 'read-area' });
  let batchId = null;
  let material = null;
  button.onclick = () => act(button, async () => {
    material = paper.value;
    batchId = await startScan({ material });
    await followScan(batchId, area);
    const report = await reviewed(batchId, agentHeaders());
    const p = report.proposed || {};
    const proposals = [['citizenId', inputs.id], ['name', inputs.name], ['creditCode', inputs.employer]]
      .filter(([key]) => p[key]);
    for (const [key, input] of proposals) {
      input.value = p[key].value;
      input.classList.add('proposed');
      input.title = t('counter.readFrom', p[key].page);
    }
    area.replaceChildren(h('div', { class: 'notice ' + (proposals.length ? 'info' : 'warn'), id: 'read-result' },
      proposals.length ? t('counter.readProposed', proposals.map(([key]) => `${t('counter.field.' + key)} ${p[key].value}`).join('，'))
        : t('counter.readNothing')));
  });
  return {
    box: h('div', { class: 'toolbar', id: 'read-box' }, h('label', {}, t('counter.readPaper'), paper), button, area),
    async giveTo(caseNumber) {
      if (!batchId) return;
      const r = await fetch(`${AGENT}/scans/${batchId}/case`, { method: 'PUT', headers: agentHeaders(), body: JSON.stringify({ caseNumber, material }) });
      if (!r.ok) throw new Error((await r.json().catch(() => ({}))).message || t('error.http', r.status));
      sessionStorage.setItem('earchive.scan.' + caseNumber, batchId);
    }
  };
}

/** Waits until the station has processed the batch and holds it for review; returns its quality report. */
async function reviewed(batchId, headers) {
  for (let i = 0; i < 240; i++) {
    const r = await fetch(`${AGENT}/scans/${batchId}`, { headers });
    const report = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(report.message || t('error.http', r.status));
    if (report.state === 'FAILED') throw new Error(report.error ? report.error.message : t('qc.state.FAILED'));
    if (report.state === 'REVIEW') return report;
    await new Promise(res => setTimeout(res, 1000));
  }
  throw new Error(t('qc.state.FAILED'));
}

/** The Scan button: the station's local agent scans, processes and uploads; pages appear as they land. */
async function scanWithAgent(caseNumber, material, area, applicantId) {
  const batchId = await startScan({ caseNumber, material });
  await followScan(batchId, area);
  await qualityControl(batchId, agentHeaders(), area, applicantId);
}

/** Follows a scan's server-sent events until the stack is scanned: each page appears as it lands. */
async function followScan(batchId, area) {
  const headers = agentHeaders();
  const bar = h('progress', { max: 1, value: 0 });
  const thumbs = h('div', { class: 'thumbs' });
  area.replaceChildren(h('p', {}, t('counter.scanning', batchId)), bar, thumbs);
  const events = await fetch(`${AGENT}/scans/${batchId}/events`, { headers });
  const reader = events.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let i;
    while ((i = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const type = (chunk.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((chunk.match(/^data: (.*)$/m) || [, '{}'])[1]);
      if (type === 'page') {
        bar.max = Math.max(bar.max, data.number);
        bar.value = data.number;
        thumbs.appendChild(h('div', { class: 'thumb' }, t('counter.pageScanned', data.number, data.width, data.height)));
      } else if (type === 'scanned') {
        area.appendChild(h('p', { class: 'good' }, t('counter.scanDone', data.pages)));
        return;
      } else if (type === 'error') {
        throw new Error(data.message);
      }
    }
  }
}

/**
 * Quality control before upload (the station holds a processed batch in REVIEW): every page with its resolution,
 * skew, turn, blank or duplicate mark; turn, delete, move, rescan, approve — each change sends the batch back to
 * processing, and the table follows.
 */
async function qualityControl(batchId, headers, area, applicantId) {
  const box = h('div', { id: 'quality-control' }, h('p', { class: 'muted' }, t('qc.processing')));
  area.appendChild(box);
  const call = async (method, path, body) => {
    const r = await fetch(AGENT + '/scans/' + batchId + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(json.message || t('error.http', r.status));
    return json;
  };
  for (let i = 0; i < 240; i++) {
    const report = await call('GET', '');
    if (report.state === 'REVIEW' || report.state === 'FAILED' || report.state === 'DONE' || report.state === 'PROCESSED') {
      draw(report);
      return;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  function draw(report) {
    if (report.state !== 'REVIEW') {
      box.replaceChildren(h('p', { class: report.state === 'FAILED' ? 'bad' : 'good' }, t('qc.state.' + report.state)));
      return;
    }
    const order = report.pages.map(p => p.original);
    const change = (button, fn) => act(button, async () => { await fn(); box.replaceChildren(h('p', { class: 'muted' }, t('qc.processing'))); await qualityControl(batchId, headers, area, applicantId); box.remove(); });
    const rows = report.pages.map((p, i) => {
      const turn = h('button', { class: 'small' }, t('qc.turn'));
      turn.onclick = () => change(turn, () => call('POST', `/pages/${p.original}/turn`, { degrees: 90 }));
      const drop = h('button', { class: 'small danger' }, t('qc.delete'));
      drop.onclick = () => change(drop, () => call('DELETE', `/pages/${p.original}`));
      const up = h('button', { class: 'small', disabled: i === 0 }, '↑');
      up.onclick = () => change(up, () => { const o = order.slice(); [o[i - 1], o[i]] = [o[i], o[i - 1]]; return call('PUT', '/order', { order: o }); });
      return h('tr', { class: p.duplicateOf || p.blank ? 'overdue' : '' }, h('td', {}, p.number),
        h('td', {}, p.dpi ? p.dpi + ' dpi' : ''), h('td', {}, p.skewDegrees !== undefined ? `${p.skewDegrees}° → ${p.residualSkewDegrees}°` : ''),
        h('td', {}, p.rotation ? p.rotation + '°' : ''), h('td', {}, p.blank ? t('qc.blank') : ''),
        h('td', {}, p.duplicateOf ? t('qc.duplicateOf', p.duplicateOf) : ''), h('td', {}, up, turn, drop));
    });
    const rescan = h('button', {}, t('qc.rescan'));
    rescan.onclick = () => act(rescan, async () => { await call('POST', '/rescan'); box.replaceChildren(h('p', {}, t('qc.rescanning'))); });
    const approve = h('button', { class: 'primary', id: 'qc-approve' }, t('qc.approve'));
    approve.onclick = () => act(approve, async () => { await call('POST', '/approve'); box.replaceChildren(h('p', { class: 'good' }, t('qc.approved'))); });
    // what the pages say, read with their check digits: an ID that is not the applicant's is shown before sending
    const read = report.pages.map(p => p.fields && p.fields.citizenId).filter(f => f && f.value);
    const mismatch = read.filter(f => applicantId && f.value !== applicantId);
    const fields = read.length ? h('div', { class: 'notice ' + (mismatch.length ? 'warn' : 'info'), id: 'qc-fields' },
      mismatch.length ? t('qc.idMismatch', mismatch[0].value, applicantId) : t('qc.idRead', read[0].value)) : null;
    box.replaceChildren(h('h3', {}, t('qc.title', report.pageCount)), fields,
      h('table', {}, h('tr', {}, ['page', 'dpi', 'skew', 'turned', 'blank', 'duplicate', ''].map(k => h('th', {}, k ? t('qc.' + k) : ''))), rows),
      h('div', { class: 'toolbar' }, rescan, approve));
  }
}
