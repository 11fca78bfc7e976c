// Shared by the pre-check page and the console: language, DOM helpers, API calls.
// User text is only ever put into the page as text (textContent / text nodes), never as HTML.
'use strict';

const LR = (() => {
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') === 'en' ? 'en' : 'zh';

  function t(key, ...args) {
    const table = window.LR_STRINGS[lang] || window.LR_STRINGS.zh;
    let text = table[key] ?? window.LR_STRINGS.zh[key] ?? key;
    args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
    return text;
  }

  /** Element builder: el('li', {class: 'x'}, 'text', child) — strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => {
      if (c === null || c === undefined) return;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function applyStatic() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-label]').forEach(n => { n.setAttribute('aria-label', t(n.dataset.i18nLabel)); });
    const sw = document.getElementById('lang-switch');
    if (sw) sw.textContent = lang === 'en' ? '中文' : 'English';
  }

  function setLang(next) {
    lang = next;
    const p = new URLSearchParams(location.search);
    if (lang === 'en') p.set('lang', 'en'); else p.delete('lang');
    history.replaceState(null, '', location.pathname + (p.toString() ? '?' + p : ''));
    applyStatic();
  }

  async function api(method, path, body, headers) {
    const options = { method, headers: Object.assign({}, headers || {}) };
    if (body !== undefined) {
      options.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (!options.headers['Content-Type']) options.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, options);
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, ok: response.ok, json, text, headers: response.headers };
  }

  return { t, el, api, applyStatic, setLang, get lang() { return lang; } };
})();
