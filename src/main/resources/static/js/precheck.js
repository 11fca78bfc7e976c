// The pre-check page: build the form from /api/v1/vocabulary, send the application, show the decision.
// The whole form state lives in the URL, so a result can be shared and reproduced.
'use strict';

(() => {
  const { t, el, api } = LR;
  const MAX_CATEGORIES = 5;
  const form = document.getElementById('precheck');
  const level1 = document.getElementById('level1');
  const level2 = document.getElementById('level2');
  const chips = document.getElementById('category-chips');
  const apisBox = document.getElementById('apis');
  const scenariosBox = document.getElementById('scenarios');
  const reason = document.getElementById('reason');
  const counter = document.getElementById('reason-counter');
  const result = document.getElementById('result');
  const images = document.getElementById('images');
  const video = document.getElementById('video');
  const links = document.getElementById('links');
  const loginRequired = document.getElementById('login-required');
  const testAccount = document.getElementById('test-account');
  const submit = document.getElementById('submit');

  let vocabulary = null;
  let categories = [];          // "一级-二级" strings
  let lastDecision = null;

  // What each lighter API needs in app.json, and how it is called.
  const SNIPPETS = {
    'wx.getFuzzyLocation': "wx.getFuzzyLocation({\n  type: 'wgs84',\n  success(res) {\n    const { latitude, longitude } = res // 约区县级精度\n  }\n})",
    'wx.chooseLocation': "wx.chooseLocation({\n  success(res) {\n    console.log(res.name, res.address, res.latitude, res.longitude)\n  }\n})",
    'wx.choosePoi': "wx.choosePoi({\n  success(res) {\n    console.log(res.type, res.city, res.name, res.address)\n  }\n})",
    'wx.chooseAddress': "wx.chooseAddress({\n  success(res) {\n    console.log(res.userName, res.provinceName, res.cityName, res.countyName, res.detailInfo)\n  }\n})",
    'wx.getLocation': "wx.getLocation({\n  type: 'gcj02',\n  success(res) {\n    const { latitude, longitude } = res\n  }\n})"
  };

  function node(name) {
    return vocabulary.categories.find(c => c.name === name || (c.aliases || []).includes(name));
  }

  function fillLevel1() {
    level1.replaceChildren(el('option', { value: '' }, t('pickLevel1')),
      ...vocabulary.categories.map(c => el('option', { value: c.name }, c.name)));
  }

  function fillLevel2() {
    const n = node(level1.value);
    level2.disabled = !n;
    level2.replaceChildren(el('option', { value: '' }, t('pickLevel2')),
      ...(n ? n.level2.map(l => el('option', { value: l }, l)) : []));
  }

  function renderChips() {
    chips.replaceChildren(...categories.map(c => el('li', { class: 'chip' }, c,
      el('button', { type: 'button', 'aria-label': t('removeCategory', c), onclick: () => {
        categories = categories.filter(x => x !== c); renderChips(); renderScenarios();
      } }, '×'))));
    document.getElementById('add-category').disabled = categories.length >= MAX_CATEGORIES;
  }

  function renderApis(selected) {
    const current = selected || (form.querySelector('input[name=api]:checked') || {}).value || 'wx.getLocation';
    apisBox.replaceChildren(...vocabulary.apis.map(a => el('label', {},
      el('input', { type: 'radio', name: 'api', value: a.name, checked: a.name === current }),
      el('span', {}, el('code', {}, a.name),
        el('span', { class: 'tag' }, t(a.needsApplication ? 'needsApplication' : 'noApplication')),
        el('br'), el('span', { class: 'summary' }, LR.lang === 'en' ? a.summaryEn : a.summary)))));
  }

  /** Scenarios a chosen category could qualify with, and the limiting ones (they apply to any app). */
  function renderScenarios(checked) {
    const keep = checked || [...scenariosBox.querySelectorAll('input:checked')].map(i => i.value);
    if (!categories.length) {
      scenariosBox.replaceChildren(el('p', { class: 'hint' }, t('scenariosEmpty')));
      return;
    }
    // The server says which scenarios each category can qualify with (its grants' own matching).
    const byCategory = vocabulary.scenariosByCategory;
    const qualifying = new Set(categories.flatMap(c => [...(byCategory[c] || []), ...(byCategory[c.split('-')[0]] || [])]));
    const offered = vocabulary.scenarios.filter(s => s.kind === 'LIMITING' || keep.includes(s.code)
      || qualifying.has(s.code));
    scenariosBox.replaceChildren(...offered.map(s => el('label', {},
      el('input', { type: 'checkbox', name: 'scenarios', value: s.code, checked: keep.includes(s.code) }),
      el('span', {}, LR.lang === 'en' ? s.labelEn : s.label, ' ', el('code', { class: 'muted' }, s.code)))));
  }

  function updateCounter() {
    const n = reason.value.length;
    const limit = vocabulary.form.reasonMaxLength;
    counter.textContent = t(n > limit ? 'counterOver' : 'counter', n, limit);
    counter.classList.toggle('over', n > limit);
  }

  function state() {
    return {
      api: (form.querySelector('input[name=api]:checked') || {}).value,
      categories: [...categories],
      scenarios: [...scenariosBox.querySelectorAll('input:checked')].map(i => i.value),
      reason: reason.value,
      images: Number(images.value) || 0,
      video: video.checked,
      links: links.value.split('\n').map(l => l.trim()).filter(Boolean),
      loginRequired: loginRequired.checked,
      testAccountProvided: testAccount.checked
    };
  }

  function writeUrl(s) {
    const p = new URLSearchParams();
    if (LR.lang === 'en') p.set('lang', 'en');
    p.set('api', s.api || '');
    s.categories.forEach(c => p.append('c', c));
    s.scenarios.forEach(c => p.append('s', c));
    if (s.reason) p.set('r', s.reason);
    if (s.images) p.set('im', s.images);
    if (s.video) p.set('v', '1');
    s.links.forEach(l => p.append('l', l));
    if (s.loginRequired) p.set('login', '1');
    if (s.testAccountProvided) p.set('test', '1');
    history.replaceState(null, '', location.pathname + '?' + p);
  }

  function clearErrors() {
    document.querySelectorAll('.field-error, #error-general').forEach(n => { n.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach(n => n.removeAttribute('aria-invalid'));
  }

  /** A problem's field (categories[1].level1, api, reason …) is shown beside that field. */
  function showProblem(problem) {
    const errors = (problem && problem.errors) || [{ field: 'body', message: (problem && problem.detail) || '' }];
    errors.forEach(e => {
      const root = String(e.field || 'body').split(/[.\[]/)[0];
      const slot = document.getElementById('error-' + root);
      const text = e.field + ': ' + e.message
        + (problem && problem.suggestions ? ' → ' + problem.suggestions.join('、') : '');
      if (slot) {
        slot.textContent = text;
        const input = { categories: level1, api: apisBox.querySelector('input'), reason, scenarios: null,
          attachments: images }[root];
        if (input) input.setAttribute('aria-invalid', 'true');
      } else {
        document.getElementById('error-general').textContent = t('fieldErrorGeneral') + text;
      }
    });
  }

  async function check(event) {
    if (event) event.preventDefault();
    clearErrors();
    const s = state();
    writeUrl(s);
    const body = { api: s.api, categories: s.categories };
    if (s.scenarios.length) body.scenarios = s.scenarios;
    if (s.reason.trim()) body.reason = s.reason;
    if (s.images || s.video || s.links.length) {
      body.attachments = { images: s.images, video: s.video, links: s.links };
    }
    if (s.loginRequired) body.loginRequired = true;
    if (s.testAccountProvided) body.testAccountProvided = true;
    submit.disabled = true;
    submit.textContent = t('checking');
    try {
      const reply = await api('POST', '/api/v1/reviews', body);
      if (reply.ok) {
        lastDecision = reply.json;
        renderDecision(reply.json, s.reason);
      } else {
        result.hidden = true;
        showProblem(reply.json);
      }
    } catch (e) {
      document.getElementById('error-general').textContent = t('networkError');
    } finally {
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  }

  /** The reason with every evidence span marked; built from text nodes only. */
  function highlighted(text, scenarios) {
    const spans = scenarios.filter(s => s.evidence).map(s => ({ start: s.evidence.start, end: s.evidence.end,
      title: s.code + ' · ' + s.label })).sort((a, b) => a.start - b.start || b.end - a.end);
    const parts = [];
    let at = 0;
    spans.forEach(span => {
      if (span.start < at) return;
      parts.push(text.slice(at, span.start));
      parts.push(el('mark', { title: span.title, 'data-code': span.title.split(' ')[0] }, text.slice(span.start, span.end)));
      at = span.end;
    });
    parts.push(text.slice(at));
    return el('div', { class: 'evidence', id: 'evidence' }, parts);
  }

  function copyButton(text) {
    const button = el('button', { type: 'button', onclick: async () => {
      try { await navigator.clipboard.writeText(text); button.textContent = t('copied'); } catch (e) { /* no clipboard */ }
    } }, t('copy'));
    return button;
  }

  function snippet(apiName) {
    const name = apiName.replace(/^wx\./, '');
    const appJson = '"requiredPrivateInfos": ["' + name + '"]';
    const call = SNIPPETS[apiName] || apiName + '({ success(res) {} })';
    return el('div', { class: 'recommend', 'data-api': apiName },
      el('strong', {}, el('code', {}, apiName)), ' ',
      el('span', { class: 'muted' }, (vocabulary.apis.find(a => a.name === apiName) || {})[LR.lang === 'en' ? 'summaryEn' : 'summary'] || ''),
      el('div', { class: 'label' }, t('snippetAppJson'), ' ', copyButton(appJson)),
      el('pre', { class: 'snippet' }, appJson),
      el('div', { class: 'label' }, t('snippetCall'), ' ', copyButton(call)),
      el('pre', { class: 'snippet' }, call));
  }

  function renderDecision(d, text) {
    const approve = d.decision === 'APPROVE';
    const apiInfo = vocabulary.apis.find(a => a.name === d.api) || {};
    const parts = [
      el('div', { class: 'verdict ' + (approve ? 'approve' : 'reject'), id: 'verdict', 'data-decision': d.decision },
        (approve ? '✔ ' : '✘ ') + t(approve ? 'approve' : 'reject') + ' · ' + d.api),
      el('h2', {}, t('reasonsTitle')),
      el('ul', { class: 'reasons', id: 'reasons' }, d.reasons.map(r =>
        el('li', { 'data-clause': r.clause }, el('span', { class: 'clause' }, r.clause), r.message)))
    ];
    if (d.scenarios.length) {
      parts.push(el('h2', {}, t('scenariosFound')), el('ul', { id: 'found' }, d.scenarios.map(s =>
        el('li', {}, el('code', {}, s.code), ' ', s.label, ' · ', t(s.source === 'DECLARED' ? 'declared' : 'fromReason'),
          s.evidence ? ' 「' + s.evidence.text + '」' : ''))));
    }
    if (text && text.trim()) {
      parts.push(el('h2', {}, t('evidenceTitle')), highlighted(text, d.scenarios));
    }
    if (d.confidence && d.confidence.level === 'LOW') {
      parts.push(el('div', { class: 'error-box', id: 'confidence', 'data-level': 'LOW' }, t('lowConfidence'),
        el('ul', {}, d.confidence.reasons.map(r => el('li', {}, r)))));
    }
    if (d.outlook) {
      const o = d.outlook;
      parts.push(el('h2', {}, t('outlookTitle')),
        el('p', { id: 'outlook-verdict', 'data-verdict': o.verdict, class: 'outlook ' + o.verdict }, t(o.verdict)),
        el('ul', { id: 'gates', class: 'checklist' }, o.gates.map(g => el('li', { 'data-gate': g.gate, 'data-status': g.status },
          el('strong', {}, { PASS: '✔ ', WARN: '! ', FAIL: '✘ ' }[g.status] + t(g.gate) + ' · ' + t(g.status)), ' ', g.message,
          el('div', { class: 'muted' }, g.source)))));
      if (o.toAttach.length) {
        parts.push(el('h2', {}, t('toAttachTitle')), el('ul', { id: 'to-attach' }, o.toAttach.map(a => el('li', {}, a))));
      }
    }
    if (d.warnings.length) {
      parts.push(el('h2', {}, t('warnings')), el('ul', { id: 'warnings' }, d.warnings.map(w => el('li', {}, w))));
    }
    if (d.guidance.length) {
      parts.push(el('h2', {}, t('guidance')), el('ul', { id: 'guidance' }, d.guidance.map(g => el('li', {}, g))));
    }
    if (!approve && d.recommendedApis.length) {
      parts.push(el('h2', {}, t('recommendTitle')), el('div', { id: 'recommended' }, d.recommendedApis.map(snippet)));
    }
    if (approve) {
      parts.push(el('h2', {}, t('nextTitle')), apiInfo.needsApplication
        ? el('ol', { id: 'next-steps' }, el('li', {}, t('next1')), el('li', {}, t('next2', d.api)),
          el('li', {}, t('next3')), el('li', {}, t('next4')))
        : el('p', { id: 'next-steps' }, t(apiInfo.selfService ? 'nextSelfService' : 'nextLight')), snippet(d.api));
    }
    parts.push(el('p', { class: 'hint' }, t('share'), ' ', el('a', { href: location.href, id: 'share-link' }, location.href)));
    parts.push(el('p', { class: 'hint' }, 'clause ' + (d.clause || '-') + ' · rules ' + d.rulesVersion
      + ' · ' + d.decisionId));
    result.replaceChildren(...parts);
    result.className = 'card result ' + (approve ? 'approve' : 'reject');
    result.hidden = false;
  }

  function readUrl() {
    const p = new URLSearchParams(location.search);
    categories = p.getAll('c').slice(0, MAX_CATEGORIES);
    reason.value = p.get('r') || '';
    images.value = p.get('im') || '0';
    video.checked = p.get('v') === '1';
    links.value = p.getAll('l').join('\n');
    loginRequired.checked = p.get('login') === '1';
    testAccount.checked = p.get('test') === '1';
    renderChips();
    renderApis(p.get('api') || undefined);
    renderScenarios(p.getAll('s'));
    updateCounter();
    return p.has('api');
  }

  function rerender() {
    LR.applyStatic();
    const s = state();
    fillLevel1();
    fillLevel2();
    renderApis(s.api);
    renderScenarios(s.scenarios);
    renderChips();
    updateCounter();
    if (lastDecision && !result.hidden) renderDecision(lastDecision, reason.value);
  }

  async function start() {
    LR.applyStatic();
    const reply = await api('GET', '/api/v1/vocabulary');
    vocabulary = reply.json;
    fillLevel1();
    fillLevel2();
    const shared = readUrl();
    level1.addEventListener('change', fillLevel2);
    document.getElementById('add-category').addEventListener('click', () => {
      document.getElementById('error-categories').textContent = '';
      if (!level1.value) return;
      const path = level2.value ? level1.value + '-' + level2.value : level1.value;
      if (categories.length >= MAX_CATEGORIES) {
        document.getElementById('error-categories').textContent = t('maxCategories');
        return;
      }
      if (!categories.includes(path)) categories.push(path);
      renderChips();
      renderScenarios();
    });
    reason.addEventListener('input', updateCounter);
    form.addEventListener('submit', check);
    document.getElementById('lang-switch').addEventListener('click', () => {
      LR.setLang(LR.lang === 'en' ? 'zh' : 'en');
      if (!result.hidden) writeUrl(state());
      rerender();
    });
    document.body.dataset.ready = 'true';
    if (shared) check();
  }

  start();
})();
