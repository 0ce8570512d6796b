// Tally explorer. Every number on the page comes from the server's answer, which is `tally query`'s
// own JSON; this script only lays it out (docs/serve.md). The whole question lives in the address.
'use strict';

const PERIOD_KEYS = ['month', 'quarter', 'year', 'from', 'to'];
const QUESTION_KEYS = ['group-by', 'measure', 'where', 'top', 'sort', 'subtotals', 'no-total'];
// After the last grouped dimension, a drill-down groups by the first of these not yet used.
const DRILL_ORDER = ['country', 'customer', 'project', 'allocation'];

let meta = null;
// Counts finished answers (body[data-shown]), so a test or a screenshot tool can tell when the page has settled.
let shown = 0;
const valueCache = new Map();

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  });
  children.forEach((c) => e.append(c));
  return e;
}

// ---- the question: URL parameters named after tally query's options ----

function questionFromUrl() {
  const p = new URLSearchParams(location.search);
  const q = {};
  [...PERIOD_KEYS, ...QUESTION_KEYS].forEach((k) => { if (p.has(k)) q[k] = p.get(k); });
  return q;
}

function toSearch(q) {
  const p = new URLSearchParams();
  [...PERIOD_KEYS, ...QUESTION_KEYS].forEach((k) => { if (q[k] !== undefined && q[k] !== '') p.set(k, q[k]); });
  return '?' + p.toString();
}

function list(text) {
  return (text || '').split(',').map((s) => s.trim()).filter((s) => s);
}

function defaultQuestion() {
  return { month: meta.default_month, 'group-by': 'country', measure: 'cost,allocations' };
}

// ---- the form ----

function periodKind(q) {
  if (q.quarter) return 'quarter';
  if (q.year) return 'year';
  if (q.from || q.to) return 'range';
  return 'month';
}

function showPeriodInputs() {
  const kind = $('period-kind').value;
  $('period-month').hidden = kind !== 'month';
  $('period-quarter').hidden = kind !== 'quarter';
  $('period-year').hidden = kind !== 'year';
  $('period-range').hidden = kind !== 'range';
}

function chips(container, items, onChange) {
  container.replaceChildren();
  items.forEach((item, i) => {
    const move = (d) => () => { const a = items.slice(); [a[i], a[i + d]] = [a[i + d], a[i]]; onChange(a); };
    const chip = el('span', { class: 'chip', 'data-value': item }, item);
    if (i > 0) chip.append(el('button', { type: 'button', title: 'Move left', onclick: move(-1) }, '‹'));
    if (i < items.length - 1) chip.append(el('button', { type: 'button', title: 'Move right', onclick: move(1) }, '›'));
    chip.append(el('button', { type: 'button', title: 'Remove', class: 'remove', onclick: () => onChange(items.filter((_, j) => j !== i)) }, '×'));
    container.append(chip);
  });
}

let formDims = [];
let formMeasures = [];

function renderDims(items) {
  formDims = items;
  chips($('dims'), items, renderDims);
}

function renderMeasures(items) {
  formMeasures = items;
  chips($('measures'), items, renderMeasures);
}

function fillForm(q) {
  $('period-kind').value = periodKind(q);
  $('period-month').value = q.month || meta.default_month;
  $('period-quarter').value = q.quarter || '';
  $('period-year').value = q.year || '';
  $('period-from').value = q.from || '';
  $('period-to').value = q.to || '';
  showPeriodInputs();
  renderDims(list(q['group-by']));
  renderMeasures(list(q.measure));
  $('where').value = q.where || '';
  $('top').value = q.top || '';
  $('subtotals').checked = q.subtotals === 'true';
  $('no-total').checked = q['no-total'] === 'true';
}

function readForm() {
  const q = {};
  const kind = $('period-kind').value;
  if (kind === 'month') q.month = $('period-month').value;
  if (kind === 'quarter') q.quarter = $('period-quarter').value.trim();
  if (kind === 'year') q.year = $('period-year').value;
  if (kind === 'range') { q.from = $('period-from').value; q.to = $('period-to').value; }
  q['group-by'] = formDims.join(',');
  q.measure = formMeasures.join(',');
  q.where = $('where').value.trim();
  q.top = $('top').value;
  if ($('subtotals').checked) q.subtotals = 'true';
  if ($('no-total').checked) q['no-total'] = 'true';
  return q;
}

function fillChoices() {
  meta.dimensions.forEach((d) => $('dim-add').append(el('option', { value: d.key }, d.key + ' (' + d.title + ')')));
  meta.measures.forEach((m) => $('measure-add').append(el('option', { value: m }, m)));
  $('dim-add').addEventListener('change', (e) => {
    if (e.target.value && !formDims.includes(e.target.value)) renderDims([...formDims, e.target.value]);
    e.target.value = '';
  });
  $('measure-add').addEventListener('change', (e) => {
    if (e.target.value && !formMeasures.includes(e.target.value)) renderMeasures([...formMeasures, e.target.value]);
    e.target.value = '';
  });
  $('period-kind').addEventListener('change', showPeriodInputs);
  $('where').addEventListener('input', complete);
  $('question').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = readForm();
    go(q, [{ label: 'Start', search: toSearch(q) }], true);
  });
}

// ---- filter completion: dimension names, then the values of the dimension being compared ----

async function valuesOf(dim) {
  if (!valueCache.has(dim)) {
    const r = await fetch('/api/values?dimension=' + encodeURIComponent(dim));
    valueCache.set(dim, r.ok ? await r.json() : []);
  }
  return valueCache.get(dim);
}

function literal(dim, value) {
  const d = meta.dimensions.find((x) => x.key === dim);
  if (d && (d.kind === 'flag' || d.kind === 'time')) return value;
  return "'" + value.replace(/'/g, "''") + "'";
}

let completing = 0;

async function complete() {
  const mine = ++completing;
  const text = $('where').value;
  const options = [];
  const valueAt = text.match(/([a-z_]+)\s*(?:=|!=|<=|>=|<|>|in\s*\((?:[^)]*,)?)\s*'?([^',()]*)$/i);
  const nameAt = text.match(/(^|\(|\s(?:and|or|not)\s+)([a-z_]*)$/i);
  if (valueAt && meta.dimensions.some((d) => d.key === valueAt[1].toLowerCase())) {
    const dim = valueAt[1].toLowerCase();
    const partial = valueAt[2].toLowerCase();
    const head = text.slice(0, text.length - valueAt[0].length) + valueAt[0].slice(0, valueAt[0].length - valueAt[2].length)
      .replace(/'$/, '');
    (await valuesOf(dim)).filter((v) => v.toLowerCase().startsWith(partial)).slice(0, 50)
      .forEach((v) => options.push(head + literal(dim, v)));
  } else if (nameAt) {
    const head = text.slice(0, text.length - nameAt[2].length);
    meta.dimensions.filter((d) => d.key.startsWith(nameAt[2].toLowerCase()))
      .forEach((d) => options.push(head + d.key + ' '));
  }
  // an answer for an earlier keystroke that arrives late must not replace the current one
  if (mine === completing) $('where-completions').replaceChildren(...options.map((o) => el('option', { value: o })));
}

// ---- the answer ----

// Numbers keep the text the server wrote (1234.50 stays 1234.50): JSON.parse's source text, where the browser gives it.
function parseAnswer(text) {
  return JSON.parse(text, function (key, value, context) {
    if (typeof value !== 'number') return value;
    return { text: context && context.source !== undefined ? context.source : String(value), value };
  });
}

function cellText(v) {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v.text : String(v);
}

// Money on the page to the cent, thousands separated, rounded half-up on the server's exact text (no
// floating point), as `tally query`'s table shows it; the downloads keep the full precision.
function moneyText(text) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const decimals = m[3] || '';
  let cents = BigInt(m[2] + (decimals + '00').slice(0, 2));
  if ((decimals[2] || '0') >= '5') cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (m[1] && cents !== 0n ? '-' : '') + whole + '.' + digits.slice(-2);
}

// What a cell shows: money to the cent, everything else as the server wrote it.
function shownText(column, v) {
  const text = cellText(v);
  return column.type === 'money' && text !== '' ? moneyText(text) : text;
}

async function fetchJson(path) {
  const r = await fetch(path);
  const text = await r.text();
  let body;
  try { body = parseAnswer(text); } catch (e) { throw new Error('the server answered ' + r.status + ' without JSON'); }
  if (!r.ok) throw new Error(body.error || 'the server answered ' + r.status);
  return body;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  $('result').hidden = true;
}

function dimensionKeys(answer) {
  return answer.query.group_by;
}

function nextDimension(answer, filter) {
  const dims = dimensionKeys(answer);
  if (dims.length > 1) return dims.slice(1);
  const used = new Set([...dims, ...DRILL_ORDER.filter((d) => new RegExp('\\b' + d + '\\b').test(filter))]);
  const start = dims.length ? DRILL_ORDER.indexOf(dims[0]) + 1 : 0;
  const next = DRILL_ORDER.slice(Math.max(start, 0)).find((d) => !used.has(d));
  return next ? [next] : null;
}

function drill(q, answer, row, trail) {
  const dim = dimensionKeys(answer)[0];
  const term = dim + ' = ' + literal(dim, cellText(row[dim]));
  const rest = nextDimension(answer, q.where || '');
  const nq = Object.assign({}, q, { where: q.where ? '(' + q.where + ') and ' + term : term, 'group-by': rest.join(',') });
  delete nq.sort;
  go(nq, [...trail, { label: term, search: toSearch(nq) }], true);
}

function renderTable(q, answer, trail) {
  const cols = answer.columns;
  const numeric = (c) => c.type !== 'text' && c.type !== 'date';
  const thead = el('tr', {}, ...cols.map((c) => el('th', { class: numeric(c) ? 'num' : '', 'data-key': c.key }, c.title)));
  $('answer').tHead.replaceChildren(thead);
  const canDrill = dimensionKeys(answer).length > 0 && nextDimension(answer, q.where || '') !== null;
  const body = answer.rows.map((row) => {
    const kind = row._row || 'detail';
    const tr = el('tr', { class: kind, 'data-row': kind },
      ...cols.map((c) => el('td', { class: numeric(c) ? 'num' : '' }, shownText(c, row[c.key]))));
    if (kind === 'detail' && canDrill) {
      tr.classList.add('drill');
      tr.title = 'Show only this ' + dimensionKeys(answer)[0] + ', grouped by ' + nextDimension(answer, q.where || '').join(', ');
      tr.addEventListener('click', () => drill(q, answer, row, trail));
    }
    return tr;
  });
  $('answer').tBodies[0].replaceChildren(...body);
  const foot = answer.totals
    ? [el('tr', { 'data-row': 'total' }, ...cols.map((c) => el('td', { class: numeric(c) ? 'num' : '' }, shownText(c, answer.totals[c.key]))))]
    : [];
  $('answer').tFoot.replaceChildren(...foot);
  $('drill-hint').textContent = canDrill ? ' · click a row to drill down' : '';
}

// A bar per detail row for the first measure: lengths scale the server's numbers, nothing is summed here.
function renderChart(answer) {
  const dims = dimensionKeys(answer);
  const measure = answer.columns.find((c) => c.type !== 'text' && c.type !== 'date');
  const rows = answer.rows.filter((r) => !r._row).slice(0, 25);
  const fig = $('chart');
  fig.replaceChildren();
  if (!measure || dims.length === 0 || rows.length === 0) return;
  const ns = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const labelOf = (r) => dims.map((d) => cellText(r[d])).join(' / ');
  const values = rows.map((r) => (r[measure.key] ? r[measure.key].value : 0));
  const max = Math.max(...values.map(Math.abs), 1e-9);
  const labelWidth = 170, barWidth = 240, h = 20, top = 24;
  const svg = svgEl('svg', { width: labelWidth + barWidth + 130, height: top + rows.length * h + 8, role: 'img' });
  svg.append(svgEl('text', { x: 0, y: 14, 'font-weight': 'bold' }, measure.title));
  rows.forEach((r, i) => {
    const y = top + i * h;
    const label = labelOf(r);
    svg.append(svgEl('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' }, label.length > 26 ? label.slice(0, 25) + '…' : label));
    const w = Math.abs(values[i]) / max * barWidth;
    svg.append(svgEl('rect', { class: 'bar', x: labelWidth, y: y + 3, width: Math.max(w, 0.5), height: h - 6 }));
    svg.append(svgEl('text', { x: labelWidth + w + 4, y: y + 14 }, shownText(measure, r[measure.key])));
  });
  svg.append(svgEl('line', { class: 'axis', x1: labelWidth, x2: labelWidth, y1: top, y2: top + rows.length * h }));
  fig.append(svg);
}

function renderBreadcrumb(trail) {
  const nav = $('breadcrumb');
  nav.replaceChildren();
  if (trail.length < 2) return;
  trail.forEach((step, i) => {
    if (i > 0) nav.append(el('span', { class: 'sep' }, ' › '));
    if (i === trail.length - 1) {
      nav.append(el('span', { class: 'here' }, step.label));
    } else {
      nav.append(el('a', { href: step.search, onclick: (e) => { e.preventDefault(); history.go(i - trail.length + 1); } }, step.label));
    }
  });
}

async function show(q, trail) {
  fillForm(q);
  renderBreadcrumb(trail);
  const search = toSearch(q);
  $('download-xlsx').href = '/api/download' + search + '&format=xlsx';
  $('download-csv').href = '/api/download' + search + '&format=csv';
  document.body.dataset.state = 'loading';
  try {
    const [answer, question] = await Promise.all([fetchJson('/api/answer' + search), fetchJson('/api/question' + search)]);
    $('error').hidden = true;
    $('result').hidden = false;
    $('question-lines').replaceChildren(...question.lines.map((l) => el('li', {}, l)));
    renderTable(q, answer, trail);
    renderChart(answer);
    document.title = 'Tally explorer: ' + answer.query.period + (answer.query.filter ? ', ' + answer.query.filter : '');
  } catch (e) {
    showError(e.message);
  }
  document.body.dataset.state = 'ready';
  document.body.dataset.shown = String(++shown);
}

function go(q, trail, push) {
  const search = toSearch(q);
  if (push) history.pushState({ trail }, '', search); else history.replaceState({ trail }, '', search);
  show(q, trail);
}

window.addEventListener('popstate', (e) => {
  const q = questionFromUrl();
  show(q, (e.state && e.state.trail) || [{ label: 'Start', search: location.search }]);
});

async function start() {
  try {
    meta = await fetchJson('/api/meta');
  } catch (e) {
    showError(e.message);
    return;
  }
  $('snapshot').textContent = 'Snapshot ' + meta.snapshot + ', data as of ' + meta.data_as_of;
  fillChoices();
  const fromUrl = questionFromUrl();
  const q = Object.keys(fromUrl).length ? fromUrl : defaultQuestion();
  go(q, (history.state && history.state.trail) || [{ label: 'Start', search: toSearch(q) }], false);
}

start();
