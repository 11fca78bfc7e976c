// The reviewer console: history with filters and paging, a decision's detail, batch review of a
// JSON Lines queue (sent in chunks, with progress and a result file), and the loaded rule set.
'use strict';

(() => {
  const { t, el, api } = LR;
  const PAGE_SIZE = 20;
  const CHUNK = 100;
  const errorBox = document.getElementById('console-error');
  let page = 0;
  let total = 0;

  const key = () => sessionStorage.getItem('locreview.key') || '';
  const auth = () => ({ 'X-API-Key': key() });

  function fail(reply) {
    if (reply.status === 401 || reply.status === 403) errorBox.textContent = t('keyRefused');
    else errorBox.textContent = (reply.json && (reply.json.detail || reply.json.title)) || ('HTTP ' + reply.status);
  }

  function showTab(name) {
    ['history', 'batch', 'rules'].forEach(n => {
      document.getElementById('tab-' + n).setAttribute('aria-selected', String(n === name));
      document.getElementById('panel-' + n).hidden = n !== name;
    });
    if (name === 'rules') loadRules();
  }

  function isoOf(local) {
    return local ? new Date(local).toISOString() : '';
  }

  async function loadHistory() {
    errorBox.textContent = '';
    if (!key()) { errorBox.textContent = t('needKey'); return; }
    const form = new FormData(document.getElementById('filters'));
    const p = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    for (const [name, value] of form.entries()) {
      if (!value) continue;
      p.set(name, name === 'from' || name === 'to' ? isoOf(value) : value);
    }
    const reply = await api('GET', '/api/v1/reviews?' + p, undefined, auth());
    if (!reply.ok) { fail(reply); return; }
    total = reply.json.total;
    const rows = reply.json.items.map(item => el('tr', { 'data-id': item.decisionId },
      el('td', {}, new Date(item.decidedAt).toLocaleString()), el('td', {}, item.api),
      el('td', {}, item.decision), el('td', {}, el('span', { class: 'clause' }, item.clause || '-')),
      el('td', {}, item.categories.join('、')), el('td', {}, item.appId || ''),
      el('td', { 'data-verdict': item.verdict || '' }, item.verdict ? t(item.verdict) : '-'), el('td', {}, item.mode),
      el('td', {}, item.caller),
      el('td', {}, el('button', { type: 'button', onclick: () => showDetail(item.decisionId) }, t('details')))));
    document.querySelector('#history tbody').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: '10', class: 'muted' }, t('noRecords')))]));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    document.getElementById('page-info').textContent = t('pageOf', page + 1, pages, total);
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
  }

  async function showDetail(id) {
    const reply = await api('GET', '/api/v1/reviews/' + encodeURIComponent(id), undefined, auth());
    if (!reply.ok) { fail(reply); return; }
    const r = reply.json;
    const detail = document.getElementById('detail');
    detail.replaceChildren(
      el('h2', {}, t('detailTitle')),
      el('p', {}, el('strong', {}, r.result.decision), ' · ', r.api, ' · ', el('span', { class: 'clause' }, r.clause || '-'),
        ' · ', r.mode, ' · ', r.caller, ' · ', new Date(r.decidedAt).toLocaleString(), ' · rules ', r.rulesVersion),
      el('ul', { class: 'reasons' }, r.result.reasons.map(x => el('li', {}, el('span', { class: 'clause' }, x.clause), x.message))),
      el('h3', {}, t('request')), el('pre', { class: 'snippet', id: 'detail-request' }, JSON.stringify(r.request, null, 2)),
      el('h3', {}, t('result')), el('pre', { class: 'snippet' }, JSON.stringify(r.result, null, 2)),
      el('button', { type: 'button', onclick: () => { detail.hidden = true; } }, t('close')));
    detail.hidden = false;
    detail.focus();
  }

  async function runBatch() {
    errorBox.textContent = '';
    if (!key()) { errorBox.textContent = t('needKey'); return; }
    const file = document.getElementById('batch-file').files[0];
    if (!file) return;
    const lines = (await file.text()).split(/\r?\n/).filter(l => l.trim());
    const progress = document.getElementById('batch-progress');
    const out = [];
    const counts = { approved: 0, rejected: 0, invalid: 0 };
    progress.max = lines.length;
    progress.value = 0;
    for (let i = 0; i < lines.length; i += CHUNK) {
      const chunk = lines.slice(i, i + CHUNK);
      const reply = await api('POST', '/api/v1/reviews/batch', chunk.join('\n'),
        Object.assign({ 'Content-Type': 'application/x-ndjson' }, auth()));
      if (!reply.ok) { fail(reply); return; }
      reply.json.items.forEach(item => out.push(JSON.stringify(Object.assign({ line: i + item.index + 1 }, item))));
      counts.approved += reply.json.approved;
      counts.rejected += reply.json.rejected;
      counts.invalid += reply.json.invalid;
      progress.value = Math.min(lines.length, i + chunk.length);
    }
    document.getElementById('batch-summary').textContent =
      t('batchDone', lines.length, counts.approved, counts.rejected, counts.invalid);
    const link = document.getElementById('batch-download');
    link.href = URL.createObjectURL(new Blob([out.join('\n') + '\n'], { type: 'application/x-ndjson' }));
    link.hidden = false;
  }

  async function loadRules() {
    const reply = await api('GET', '/api/v1/rules');
    if (!reply.ok) { fail(reply); return; }
    document.getElementById('rules-meta').textContent = t('rulesVersion') + ' ' + reply.json.version + ' · '
      + t('loadedAt') + ' ' + new Date(reply.json.loadedAt).toLocaleString() + ' · ' + reply.json.rules.length;
    document.querySelector('#rules tbody').replaceChildren(...reply.json.rules.map(r => el('tr', {},
      el('td', {}, el('span', { class: 'clause' }, r.clause)), el('td', {}, r.name), el('td', {}, r.file),
      el('td', {}, String(r.fireCount)))));
  }

  async function start() {
    LR.applyStatic();
    const vocabulary = await api('GET', '/api/v1/vocabulary');
    const select = document.getElementById('filter-api');
    (vocabulary.json ? vocabulary.json.apis : []).forEach(a => select.append(el('option', { value: a.name }, a.name)));
    document.getElementById('api-key').value = key();
    document.getElementById('key-form').addEventListener('submit', e => {
      e.preventDefault();
      sessionStorage.setItem('locreview.key', document.getElementById('api-key').value.trim());
      page = 0;
      loadHistory();
    });
    document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); page = 0; loadHistory(); });
    document.getElementById('prev').addEventListener('click', () => { if (page > 0) { page--; loadHistory(); } });
    document.getElementById('next').addEventListener('click', () => { page++; loadHistory(); });
    ['history', 'batch', 'rules'].forEach(n =>
      document.getElementById('tab-' + n).addEventListener('click', () => showTab(n)));
    document.getElementById('batch-start').addEventListener('click', runBatch);
    document.getElementById('lang-switch').addEventListener('click', () => LR.setLang(LR.lang === 'en' ? 'zh' : 'en'));
    if (key()) loadHistory();
    document.body.dataset.ready = 'true';
  }

  start();
})();
