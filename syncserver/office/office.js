// The office pages: sign in, then the quarter by task, the leads by unit by month, the exports,
// the notice and the sign-off, each read from the API with the token as a Bearer header. The
// token lives in sessionStorage only (gone when the tab closes). Text from the ledger is put in
// with textContent, never as markup.
'use strict';

const meta = name => document.querySelector(`meta[name="${name}"]`).content;
const $ = id => document.getElementById(id);
const TOKEN = 'ledger.office.token';
const USER = 'ledger.office.user';

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function user() { return JSON.parse(sessionStorage.getItem(USER) || 'null'); }
function has(role) { const u = user(); return !!u && u.roles.includes(role); }

class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super((e.field ? e.field + '：' : '') + (e.message || ('HTTP ' + status)));
    this.status = status;
  }
}

async function api(method, path, body, raw) {
  const headers = {'X-Ledger-Protocol': meta('ledger-protocol'), 'X-Ledger-Schema': meta('ledger-schema')};
  const token = sessionStorage.getItem(TOKEN);
  if (token) headers['Authorization'] = 'Bearer ' + token;
  if (body) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store'});
  if (r.status === 401 && token) { signOut(); throw new ApiError(401, {error: {message: '登录已过期，请重新登录'}}); }
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
  return raw ? r : r.json();
}

// A table as the server lays it out (notice.h's sheet JSON): numbers right-aligned, 小计/合计 bold.
function sheetTable(sheet) {
  const wrap = el('div', null, 'table');
  const table = el('table');
  const head = el('tr');
  sheet.headers.forEach(h => head.append(el('th', h)));
  table.append(el('thead'));
  table.tHead.append(head);
  const body = el('tbody');
  for (const row of sheet.rows) {
    const tr = el('tr', null, row.kind === 'record' ? '' : row.kind);
    for (const c of row.cells) {
      if ('n' in c) tr.append(el('td', c.n, 'num'));
      else tr.append(el('td', c.t !== undefined ? c.t : (c.d || '')));
    }
    body.append(tr);
  }
  table.append(body);
  wrap.append(table);
  if (sheet.footnotes && sheet.footnotes.length) {
    const ul = el('ul', null, 'footnotes');
    sheet.footnotes.forEach(f => ul.append(el('li', f)));
    wrap.append(ul);
  }
  return wrap;
}

function quarter() { return $('quarter').value; }

function showMark(q) {
  const b = $('quarter-mark');
  b.textContent = q.state === 'signed' ? '已签认 · ' + q.number + ' · ' + q.date + ' · ' + q.signedBy : '暂定';
  b.className = 'badge ' + q.state;
  b.title = q.mark;
}

async function download(path, name) {
  const r = await api('GET', path, null, true);
  const url = URL.createObjectURL(await r.blob());
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const views = {
  async tasks() {
    const s = await api('GET', '/api/v1/office/views/tasks?quarter=' + quarter());
    showMark(s.quarter);
    $('tasks-table').replaceChildren(sheetTable(s));
  },
  async leads() {
    const s = await api('GET', '/api/v1/office/views/leads?quarter=' + quarter());
    showMark(s.quarter);
    $('leads-table').replaceChildren(sheetTable(s));
  },
  async exports() {
    const list = await api('GET', '/api/v1/office/exports');
    const rows = list.tables.map(t => {
      const tr = el('tr');
      tr.append(el('td', t.title));
      const td = el('td');
      for (const fmt of t.key === 'score_notice' ? ['xlsx', 'pdf', 'csv'] : ['xlsx', 'csv']) {
        const b = el('button', fmt.toUpperCase());
        b.type = 'button';
        b.dataset.table = t.key;
        b.addEventListener('click', () => download(`/api/v1/exports/${t.key}.${fmt}?quarter=${quarter()}`, `${t.title}.${fmt}`)
          .catch(e => { $('exports-error').textContent = e.message; }));
        td.append(b, ' ');
      }
      tr.append(td);
      return tr;
    });
    $('exports-list').replaceChildren(...rows);
    showMark((await api('GET', '/api/v1/quarters')).quarters[quarter() - 1]);
  },
  async notice() {
    const qs = await api('GET', '/api/v1/quarters');
    showMark(qs.quarters[quarter() - 1]);
    const n = await api('GET', '/api/v1/quarters/' + quarter() + '/notice');
    const art = $('notice');
    art.replaceChildren(el('p', n.issuer, 'issuer'), el('p', n.number, 'number'), el('p', n.mark, 'number mark'), el('h3', n.title, 'title'));
    n.opening.split('\n').forEach(p => art.append(el('p', p)));
    for (const s of n.sections) {
      art.append(el('h3', s.heading));
      s.paragraphs.forEach(p => art.append(el('p', p)));
      if (s.table) art.append(sheetTable(s.table));
    }
    art.append(el('p', n.issuer + '　' + n.dateText, 'foot'));
    n.footer.forEach(f => art.append(el('p', f, 'foot')));
  },
  async signoff() {
    const qs = await api('GET', '/api/v1/quarters');
    showMark(qs.quarters[quarter() - 1]);
    const rows = qs.quarters.map(q => {
      const tr = el('tr');
      tr.dataset.quarter = q.quarter;
      tr.append(el('td', `${qs.year}年第${q.quarter}季度`));
      const state = el('td');
      state.append(el('span', q.state === 'signed' ? '已签认' : q.state === 'closed' ? '已结算（暂定）' : '暂定', 'badge ' + q.state));
      const when = iso => new Date(iso).toLocaleString('zh-CN', {hour12: false});
      tr.append(state, el('td', q.closedBy ? q.closedBy + ' ' + when(q.closedAt) : '—'),
                el('td', q.state === 'signed' ? `${q.number} · ${q.date} · ${q.signedBy}` : '—'));
      const act = el('td');
      const button = (text, handler) => {
        const b = el('button', text);
        b.type = 'button';
        b.addEventListener('click', () => handler().catch(e => { $('signoff-error').textContent = e.message; }));
        act.append(b, ' ');
      };
      if (q.state === 'provisional' && has('reviewer'))
        button('结算', async () => { await api('POST', `/api/v1/quarters/${q.quarter}/close`); show('signoff'); });
      if (q.state === 'closed' && (has('reviewer') || has('leader')))
        button('重新打开', async () => { await api('POST', `/api/v1/quarters/${q.quarter}/reopen`); show('signoff'); });
      if (q.state === 'closed' && has('leader'))
        button('签认', async () => openSignOff(q));
      if (q.state === 'signed')
        button('签认后的变动', async () => showChanges(q));
      tr.append(act);
      return tr;
    });
    $('quarters').replaceChildren(...rows);
  },
};

function openSignOff(q) {
  $('signoff-form').hidden = false;
  $('signoff-form').dataset.quarter = q.quarter;
  $('signoff-title').textContent = `签认第${q.quarter}季度`;
  $('signoff-error').textContent = '';
}

async function showChanges(q) {
  const c = await api('GET', `/api/v1/quarters/${q.quarter}/changes`);
  const box = $('changes');
  box.replaceChildren(el('h3', `第${q.quarter}季度签认后的变动`));
  if (!c.records.length && !c.figures.length) { box.append(el('p', '签认后无变动。')); return; }
  box.append(sheetTable({headers: ['记录', '单位', '签认时', '现在'], footnotes: [],
    rows: c.records.map(r => ({kind: 'record', cells: [{t: r.caption}, {t: r.unit}, {t: r.before}, {t: r.after}]}))}));
  box.append(sheetTable({headers: ['分值', '签认时', '现在', '变动'], footnotes: [],
    rows: c.figures.map(f => ({kind: 'record', cells: [{t: f.label}, {n: f.before}, {n: f.after}, {n: f.change}]}))}));
}

// A version 4 UUID for the browser's device id (crypto.randomUUID needs a secure context).
function newUuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let current = null;
function show(view) {
  current = view;
  document.querySelectorAll('.view').forEach(s => { s.hidden = s.id !== 'view-' + view; });
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.view === view));
  document.body.dataset.view = view;
  document.body.dataset.ready = '';
  views[view]().then(() => { document.body.dataset.ready = view; })
    .catch(e => { document.body.dataset.ready = 'error'; document.body.dataset.error = e.message; });
}

function signedIn() {
  const u = user();
  $('signin').hidden = true;
  $('nav').hidden = false;
  $('who').hidden = false;
  $('quarter-bar').hidden = false;
  $('who-name').textContent = u.name + '（' + u.unit + '）';
  const view = location.hash.slice(1);
  show(views[view] ? view : 'tasks');
}

function signOut() {
  const token = sessionStorage.getItem(TOKEN);
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
  // A device belongs to one account: the next person signing in at this desk registers anew.
  sessionStorage.removeItem('ledger.office.device');
  if (token)
    fetch('/api/v1/auth/logout', {method: 'POST', headers: {'Authorization': 'Bearer ' + token,
      'X-Ledger-Protocol': meta('ledger-protocol'), 'X-Ledger-Schema': meta('ledger-schema')}}).catch(() => {});
  document.querySelectorAll('.view').forEach(s => { s.hidden = s.id !== 'signin'; });
  $('nav').hidden = true;
  $('who').hidden = true;
  $('quarter-bar').hidden = true;
  document.body.dataset.view = 'signin';
}

document.addEventListener('DOMContentLoaded', () => {
  // The quarter that has most recently ended, as the office works on it.
  const month = new Date().getMonth();
  $('quarter').value = String(Math.max(1, Math.floor(month / 3)));
  $('signin-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    $('signin-error').textContent = '';
    try {
      let device = sessionStorage.getItem('ledger.office.device');
      if (!device) { device = newUuid(); sessionStorage.setItem('ledger.office.device', device); }
      const r = await api('POST', '/api/v1/auth/login', {login: $('login').value, password: $('password').value,
                                                         device: {id: device, name: '办公室浏览器'}});
      sessionStorage.setItem(TOKEN, r.accessToken);
      sessionStorage.setItem(USER, JSON.stringify(r.user));
      $('password').value = '';
      signedIn();
    } catch (e) {
      $('signin-error').textContent = e.status === 401 ? '账号或密码不正确' : e.message;
      document.body.dataset.ready = 'error';
    }
  });
  $('signoff-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('POST', `/api/v1/quarters/${$('signoff-form').dataset.quarter}/signoff`,
                {number: $('signoff-number').value, date: $('signoff-date').value});
      $('signoff-form').hidden = true;
      $('signoff-error').textContent = '';
      show('signoff');
    } catch (e) { $('signoff-error').textContent = e.message; document.body.dataset.ready = 'error'; }
  });
  for (const fmt of ['pdf', 'xlsx'])
    $('notice-' + fmt).addEventListener('click', () => download(`/api/v1/exports/score_notice.${fmt}?quarter=${quarter()}`, `招商引资工作情况通报.${fmt}`)
      .catch(e => { document.body.dataset.error = e.message; }));
  $('signout').addEventListener('click', signOut);
  $('quarter').addEventListener('change', () => show(current));
  window.addEventListener('hashchange', () => { if (user() && views[location.hash.slice(1)]) show(location.hash.slice(1)); });
  document.body.dataset.ready = 'signin';
  if (user()) signedIn(); else signOut();
});
