// Clout dashboard: plain JavaScript over /api/v1, hash routes, SVG charts drawn here (no network beyond this server).
'use strict';

const view = document.getElementById('view');
const statusLine = document.getElementById('status');
const networks = ['x', 'mastodon', 'bluesky', 'reddit', 'youtube', 'blog', 'facebook', 'instagram', 'linkedin'];
let state = null;
let taxonomy = null;

function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
const fmt = n => (n === null || n === undefined) ? 'n/a' : Number(n).toFixed(2);
function delta(n) {
  if (n === null || n === undefined) return '<span class="muted">n/a</span>';
  const cls = n > 0.005 ? 'up' : n < -0.005 ? 'down' : '';
  return `<span class="${cls}">${n > 0 ? '+' : ''}${Number(n).toFixed(2)}</span>`;
}
const personLink = (id, text) => `<a href="#/p/${encodeURIComponent(id)}">${esc(text ?? id)}</a>`;

async function api(path) {
  const headers = {};
  const key = localStorage.getItem('clout.key');
  if (key) headers['X-Api-Key'] = key;
  const res = await fetch('/api/v1' + path, { headers });
  if (res.status === 401) {
    askForKey();
    throw new Error('this server needs an API key');
  }
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = (await res.json()).detail || detail; } catch { /* not JSON */ }
    const error = new Error(detail);
    error.status = res.status;
    throw error;
  }
  return res.json();
}

function askForKey() {
  const key = prompt('This server asks for an API key (clout keys create NAME). Key:');
  if (key) localStorage.setItem('clout.key', key.trim());
}

function setTitle(text) {
  document.title = text ? `${text} · Clout` : 'Clout';
}

function busy(text) { statusLine.textContent = text; statusLine.classList.remove('error'); }
function fail(error) { statusLine.textContent = error.message; statusLine.classList.add('error'); }
function done() { statusLine.textContent = ''; statusLine.classList.remove('error'); }

// ---- charts ----
function lineChart(series, label) {
  const w = 640, h = 220, left = 34, right = 10, top = 10, bottom = 26;
  const days = [...new Set(series.flatMap(s => s.points.map(p => p.day)))].sort();
  if (days.length === 0) return '<p class="muted">No history yet.</p>';
  const x = day => days.length === 1 ? (left + (w - right)) / 2 : left + (w - left - right) * days.indexOf(day) / (days.length - 1);
  const y = v => top + (h - top - bottom) * (1 - v / 100);
  let svg = `<svg class="chart" data-testid="history-chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>`;
  for (let v = 0; v <= 100; v += 20) {
    svg += `<line class="grid-line" x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`;
  }
  svg += `<text x="${left}" y="${h - 6}">${esc(days[0])}</text><text x="${w - right}" y="${h - 6}" text-anchor="end">${esc(days[days.length - 1])}</text>`;
  series.forEach((s, i) => {
    const pts = s.points.map(p => `${x(p.day).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
    svg += s.points.length === 1
      ? `<circle cx="${x(s.points[0].day)}" cy="${y(s.points[0].score)}" r="4" fill="var(--${i ? 'b' : 'a'})"/>`
      : `<polyline class="line-${i ? 'b' : 'a'}" points="${pts}"/>`;
  });
  return svg + '</svg>';
}

function bars(items, max) {
  return `<ul class="bars">${items.map(([name, value, id]) => `
    <li><span>${esc(name)}</span><span class="bar" aria-hidden="true"><span style="width:${Math.max(0, Math.min(100, 100 * value / (max || 1))).toFixed(1)}%"></span></span>
    <span class="num" data-testid="${id}">${fmt(value)}</span></li>`).join('')}</ul>`;
}

function subScores(s) {
  return bars([['Reach', s.reach, 'sub-reach'], ['Amplification', s.amplification, 'sub-amplification'], ['Network impact', s.networkImpact, 'sub-network-impact'], ['Audience', s.audience, 'sub-audience']], 50);
}

// ---- filters and paging shared by the leaderboards ----
function networkPicker(selected) {
  return `<label for="network">Network</label>
        <select id="network">${['all', ...networks].map(n => `<option value="${n}" ${n === selected ? 'selected' : ''}>${n === 'all' ? 'All networks' : n}</option>`).join('')}</select>`;
}

function pager(offset, next) {
  return `<div class="pager">
        <button class="secondary" id="prev" ${offset === 0 ? 'disabled' : ''}>Previous</button>
        <button class="secondary" id="next" ${next ? '' : 'disabled'}>Next</button>
      </div>`;
}

// go(offset) moves to another page of the same view.
function bindPager(go, offset, limit) {
  document.getElementById('prev').addEventListener('click', () => go(Math.max(0, offset - limit)));
  document.getElementById('next').addEventListener('click', () => go(offset + limit));
}

// ---- topics ----
async function topicList() {
  if (!taxonomy) taxonomy = await api('/topics');
  return taxonomy;
}

// A <select> of every topic grouped under its top-level domain; the first option is the overall leaderboard.
function topicPicker(topics, selected) {
  const bySlug = new Map(topics.map(t => [t.slug, t]));
  const rootOf = t => { let r = t; for (let i = 0; r.parent && bySlug.has(r.parent) && i < 20; i++) r = bySlug.get(r.parent); return r; };
  const groups = new Map();
  for (const t of topics) {
    const root = rootOf(t);
    if (!groups.has(root.slug)) groups.set(root.slug, { name: root.name, items: [] });
    groups.get(root.slug).items.push(t);
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  return `<label for="topic">Topic</label>
    <select id="topic"><option value="">All topics (overall score)</option>${sorted.map(g => `<optgroup label="${esc(g.name)}">${g.items
      .sort((a, b) => (a.parent ? 1 : 0) - (b.parent ? 1 : 0) || a.name.localeCompare(b.name))
      .map(t => `<option value="${esc(t.slug)}" ${t.slug === selected ? 'selected' : ''}>${esc(t.name)}</option>`).join('')}</optgroup>`).join('')}</select>`;
}

function bindTopicPicker() {
  document.getElementById('topic').addEventListener('change', e => {
    const slug = e.target.value;
    location.hash = slug ? `#/t/${encodeURIComponent(slug)}` : '#/';
  });
}

async function topicBoard(slug, params) {
  const network = params.get('network') || 'all';
  const offset = Math.max(0, Number(params.get('offset') || 0));
  const minScore = params.get('min') || '';
  const limit = 25;
  busy('Loading the topic leaderboard…');
  const query = `network=${encodeURIComponent(network)}&offset=${offset}&limit=${limit}${minScore ? '&minScore=' + encodeURIComponent(minScore) : ''}`;
  const [page, topics] = await Promise.all([api(`/topics/${encodeURIComponent(slug)}/leaderboard?${query}`), topicList()]);
  const topic = page.topic;
  setTitle(`${topic.name} leaderboard`);
  const parent = topic.parent ? topics.find(t => t.slug === topic.parent) : null;
  view.innerHTML = `
    <h1>Most influential on ${esc(topic.name)}</h1>
    ${parent ? `<p class="muted">In <a href="#/t/${encodeURIComponent(parent.slug)}">${esc(parent.name)}</a> · scores of ${esc(page.day)}</p>` : `<p class="muted">Scores of ${esc(page.day)}</p>`}
    <section class="panel">
      <div class="filters">
        <span>${topicPicker(topics, topic.slug)}</span>
        <span>${networkPicker(network)}</span>
        <form id="min-form"><label for="min-score">Topic score at least</label>
          <input id="min-score" type="number" min="0" max="100" step="1" inputmode="numeric" value="${esc(minScore)}" placeholder="1">
          <button type="submit" class="secondary">Apply</button></form>
      </div>
      ${page.items.length === 0 ? '<p data-testid="topic-empty">Nobody has this topic yet.</p>' : `
      <table data-testid="topic-leaderboard">
        <caption class="visually-hidden">People most influential on ${esc(topic.name)} on ${esc(page.day)}</caption>
        <thead><tr><th class="num">Rank</th><th>Person</th><th class="hide-small">Handle</th><th class="num">Topic score</th><th class="num">Clout Score</th><th class="hide-small">Bucket</th></tr></thead>
        <tbody>${page.items.map(r => `<tr data-person="${esc(r.person)}"><td class="num">${r.rank}</td><td>${personLink(r.person, r.name ?? r.person)}</td>
          <td class="hide-small">${r.handle ? '@' + esc(r.handle) : ''}</td><td class="num" data-testid="row-topic-score">${fmt(r.topicScore)}</td>
          <td class="num" data-testid="row-score">${fmt(r.score)}</td><td class="hide-small">${esc(r.bucket)}</td></tr>`).join('')}</tbody>
      </table>`}
      ${pager(offset, page.next)}
    </section>`;
  const go = o => {
    const min = document.getElementById('min-score').value.trim();
    location.hash = `#/t/${encodeURIComponent(topic.slug)}?network=${encodeURIComponent(document.getElementById('network').value)}&offset=${o}${min ? '&min=' + encodeURIComponent(min) : ''}`;
  };
  bindTopicPicker();
  document.getElementById('network').addEventListener('change', () => go(0));
  document.getElementById('min-form').addEventListener('submit', e => { e.preventDefault(); go(0); });
  bindPager(go, offset, limit);
  done();
}

function topicChips(topics) {
  if (!topics || topics.length === 0) return '<p class="muted">No topics yet.</p>';
  return `<ul class="chips" data-testid="topics">${topics.map(t => `<li><a class="chip" href="#/t/${encodeURIComponent(t.slug)}" data-slug="${esc(t.slug)}">${esc(t.name)}
    <span class="num" data-testid="topic-score">${fmt(t.score)}</span><span class="visually-hidden">: topic score; see who is most influential on ${esc(t.name)}</span></a></li>`).join('')}</ul>
    <p class="muted">Follow a topic to see who is most influential on it.</p>`;
}

// ---- views ----
async function leaderboard(params) {
  const network = params.get('network') || 'all';
  const offset = Math.max(0, Number(params.get('offset') || 0));
  const limit = 25;
  setTitle('Leaderboard');
  busy('Loading the leaderboard…');
  const [page, topics] = await Promise.all([
    api(`/leaderboard?network=${encodeURIComponent(network)}&offset=${offset}&limit=${limit}`), topicList()]);
  view.innerHTML = `
    <h1>Leaderboard</h1>
    <section class="panel">
      <div class="filters">
        <span>${networkPicker(network)}</span>
        <span>${topicPicker(topics, '')}</span>
      </div>
      <table data-testid="leaderboard">
        <caption class="visually-hidden">Top scores${state?.day ? ' on ' + esc(state.day) : ''}</caption>
        <thead><tr><th class="num">Rank</th><th>Person</th><th class="hide-small">Handle</th><th class="num">Score</th><th class="hide-small">Bucket</th><th class="num">Day</th></tr></thead>
        <tbody>${page.items.map(r => `<tr data-person="${esc(r.person)}"><td class="num">${r.rank}</td><td>${personLink(r.person, r.name ?? r.person)}</td>
          <td class="hide-small">${r.handle ? '@' + esc(r.handle) : ''}</td><td class="num" data-testid="row-score">${fmt(r.score)}</td><td class="hide-small">${esc(r.bucket)}</td><td class="num">${delta(r.dayChange)}</td></tr>`).join('')}</tbody>
      </table>
      ${pager(offset, page.next)}
    </section>`;
  const go = o => { location.hash = `#/?network=${encodeURIComponent(document.getElementById('network').value)}&offset=${o}`; };
  document.getElementById('network').addEventListener('change', () => go(0));
  bindTopicPicker();
  bindPager(go, offset, limit);
  done();
}

async function search(params) {
  const q = params.get('q') || '';
  setTitle(`Search ${q}`);
  document.getElementById('search-input').value = q;
  busy(`Searching for ${q}…`);
  const page = await api(`/search?q=${encodeURIComponent(q)}&limit=25`);
  view.innerHTML = `<h1>Search: ${esc(q)}</h1>
    <section class="panel">${page.items.length === 0 ? '<p>No one matches.</p>' : `
      <ul class="plain" data-testid="search-results">${page.items.map(r => `<li>${personLink(r.person.id, r.person.name ?? r.person.id)}
        <span class="muted">@${esc(r.person.nick)} · ${r.person.accounts.map(a => esc(a.network)).join(', ')}</span>
        ${r.score ? `· <strong>${fmt(r.score.score)}</strong>` : '<span class="muted">· not scored</span>'}</li>`).join('')}</ul>`}</section>`;
  done();
}

async function optional(promise) {
  try { return await promise; } catch (e) { if (e.status === 404) return null; throw e; }
}

async function profile(id) {
  busy('Loading the profile…');
  const p = await api(`/people/${encodeURIComponent(id)}`);
  const s = p.score;
  setTitle(p.person.name ?? p.person.id);
  if (!s) {
    view.innerHTML = `<h1>${esc(p.person.name ?? p.person.id)}</h1><p>Not scored yet.</p>`;
    done();
    return;
  }
  const pid = encodeURIComponent(p.person.id);
  const [history, explanation, changes, moments, influencers, influencees, topics] = await Promise.all([
    api(`/people/${pid}/history`), api(`/people/${pid}/explanation`), optional(api(`/people/${pid}/changes`)),
    api(`/people/${pid}/moments`), api(`/people/${pid}/influencers?limit=10`), api(`/people/${pid}/influencees?limit=10`),
    optional(api(`/people/${pid}/topics`))]);
  const top = [...explanation.contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, 12);
  view.innerHTML = `
    <h1 data-testid="person-name">${esc(p.person.name ?? p.person.id)} <span class="muted">@${esc(p.person.nick)}</span></h1>
    <div class="grid">
      <section class="panel" aria-labelledby="h-score">
        <h2 id="h-score">Clout Score <span class="muted">on ${esc(s.day)}</span></h2>
        <div class="headline"><span class="score" data-testid="score">${fmt(s.score)}</span><span class="bucket" data-testid="bucket">bucket ${esc(s.bucket)}</span></div>
        <ul class="deltas" aria-label="Changes">
          <li>Day <span data-testid="delta-day">${delta(s.dayChange)}</span></li>
          <li>Week <span data-testid="delta-week">${delta(s.weekChange)}</span></li>
          <li>Month <span data-testid="delta-month">${delta(s.monthChange)}</span></li>
        </ul>
        ${s.flags.length ? `<p class="flags">${s.flags.map(esc).join('; ')}</p>` : ''}
        <p><a href="#/compare/${pid}/">Compare with someone</a></p>
      </section>
      <section class="panel" aria-labelledby="h-topics"><h2 id="h-topics">Topics</h2>${topicChips(topics)}</section>
      <section class="panel" aria-labelledby="h-sub"><h2 id="h-sub">Sub-scores <span class="muted">(points)</span></h2>${subScores(s)}
        <p class="muted">Plus 1 base point: the parts add up to the score.</p></section>
      <section class="panel wide" aria-labelledby="h-history"><h2 id="h-history">Last 90 days</h2>
        ${lineChart([{ points: history.points }], `Score history of ${p.person.name ?? p.person.id}: ${history.points.length} days`)}</section>
      <section class="panel" aria-labelledby="h-net"><h2 id="h-net">Networks</h2>
        <table data-testid="networks"><thead><tr><th>Network</th><th>Account</th><th class="num">Points</th></tr></thead>
        <tbody>${s.networks.map(n => `<tr><td>${esc(n.network)}</td><td>${esc(n.handle ? '@' + n.handle : n.account)}</td><td class="num">${fmt(n.points)}</td></tr>`).join('')}</tbody></table></section>
      <section class="panel" aria-labelledby="h-changed"><h2 id="h-changed">What changed</h2>${changes ? `
        <p>${esc(changes.from)} → ${esc(changes.to)}: <strong data-testid="changes-delta">${delta(changes.delta)}</strong></p>
        <ul class="plain">${changes.items.slice(0, 8).map(i => `<li>${delta(i.points)} ${esc(i.description)}</li>`).join('') || '<li>Nothing changed.</li>'}</ul>`
        : '<p class="muted">No earlier score to compare with yet.</p>'}</section>
      <section class="panel wide" aria-labelledby="h-why"><h2 id="h-why">Why this score</h2>
        <table data-testid="explanation"><thead><tr><th>Signal</th><th class="hide-small">Part</th><th class="num">Points</th></tr></thead>
        <tbody>${top.map(c => `<tr><td>${esc(c.label)}</td><td class="hide-small">${esc(c.subScore)}</td><td class="num">${fmt(c.points)}</td></tr>`).join('')}</tbody></table>
        ${explanation.contributions.length > top.length ? `<p class="muted">${explanation.contributions.length - top.length} smaller contributions not shown.</p>` : ''}
        ${explanation.discounted.length ? `<h3>Engagement that counted for little</h3><ul class="plain">${explanation.discounted.map(d => `<li>${esc(d.description)}</li>`).join('')}</ul>` : ''}</section>
      <section class="panel" aria-labelledby="h-moments"><h2 id="h-moments">Moments</h2>
        <ul class="plain" data-testid="moments">${moments.map(m => `<li>${esc(m.text ?? m.post)} <span class="muted">${esc(m.network)} · ${Object.entries(m.reactions).map(([k, v]) => `${v} ${esc(k)}`).join(', ')}</span></li>`).join('') || '<li class="muted">No moments in the window.</li>'}</ul></section>
      <section class="panel" aria-labelledby="h-inf"><h2 id="h-inf">Influencers</h2>${engagers(influencers, 'influencers')}
        <h2 id="h-infee">Influencees</h2>${engagers(influencees, 'influencees')}</section>
    </div>`;
  done();
}

function engagers(page, id) {
  if (page.items.length === 0) return '<p class="muted">None yet.</p>';
  return `<ul class="plain" data-testid="${id}">${page.items.map(e => `<li>${personLink(e.person, e.handle ? '@' + e.handle : e.person)} <span class="muted">${esc(e.network)}</span></li>`).join('')}</ul>
    ${page.total > page.items.length ? `<p class="muted">${page.total} in all.</p>` : ''}`;
}

async function compare(a, b) {
  setTitle('Compare');
  const form = `
    <form class="compare-form panel" id="compare-form">
      <label>First person <input id="cmp-a" value="${esc(a)}" required></label>
      <label>Second person <input id="cmp-b" value="${esc(b)}" required></label>
      <button type="submit">Compare</button>
    </form>`;
  if (!a || !b) {
    view.innerHTML = `<h1>Compare two people</h1>${form}`;
    bindCompare();
    document.getElementById(a ? 'cmp-b' : 'cmp-a').focus();
    done();
    return;
  }
  busy('Loading both profiles…');
  const [pa, pb] = await Promise.all([api(`/people/${encodeURIComponent(a)}`), api(`/people/${encodeURIComponent(b)}`)]);
  const [ha, hb] = await Promise.all([api(`/people/${encodeURIComponent(pa.person.id)}/history`), api(`/people/${encodeURIComponent(pb.person.id)}/history`)]);
  const column = (p, side) => {
    const s = p.score;
    return `<section class="panel" data-testid="compare-${side}" aria-label="${esc(p.person.name ?? p.person.id)}">
      <h2><span class="swatch" style="background:var(--${side})"></span>${personLink(p.person.id, p.person.name ?? p.person.id)}</h2>
      ${s ? `<div class="headline"><span class="score" data-testid="score">${fmt(s.score)}</span><span class="bucket">bucket ${esc(s.bucket)}</span></div>
      <ul class="deltas"><li>Day ${delta(s.dayChange)}</li><li>Week ${delta(s.weekChange)}</li><li>Month ${delta(s.monthChange)}</li></ul>
      ${subScores(s)}
      <table><tbody>${s.networks.map(n => `<tr><td>${esc(n.network)}</td><td class="num">${fmt(n.points)}</td></tr>`).join('')}</tbody></table>` : '<p>Not scored yet.</p>'}
    </section>`;
  };
  view.innerHTML = `<h1>${esc(pa.person.name ?? a)} and ${esc(pb.person.name ?? b)}</h1>${form}
    <div class="grid">${column(pa, 'a')}${column(pb, 'b')}
      <section class="panel wide"><h2>Last 90 days</h2>
        <p class="legend"><span><span class="swatch" style="background:var(--a)"></span>${esc(pa.person.name ?? a)}</span><span><span class="swatch" style="background:var(--b)"></span>${esc(pb.person.name ?? b)}</span></p>
        ${lineChart([{ points: ha.points }, { points: hb.points }], `Score histories of ${pa.person.name ?? a} and ${pb.person.name ?? b}`)}</section></div>`;
  bindCompare();
  done();
}

function bindCompare() {
  document.getElementById('compare-form').addEventListener('submit', e => {
    e.preventDefault();
    location.hash = `#/compare/${encodeURIComponent(document.getElementById('cmp-a').value.trim())}/${encodeURIComponent(document.getElementById('cmp-b').value.trim())}`;
  });
}

// ---- routing ----
async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (!state) {
      state = await api('/status');
      document.getElementById('foot-state').textContent = `algorithm ${state.version}${state.day ? ', scores of ' + state.day : ', nothing scored yet'}`;
    }
    if (parts[0] === 'p' && parts[1]) await profile(parts[1]);
    else if (parts[0] === 't' && parts[1]) await topicBoard(parts[1], params);
    else if (parts[0] === 'search') await search(params);
    else if (parts[0] === 'compare') await compare(parts[1] || '', parts[2] || '');
    else await leaderboard(params);
    const heading = view.querySelector('h1');
    if (heading && document.activeElement === document.body) heading.setAttribute('tabindex', '-1');
  } catch (e) {
    view.innerHTML = '';
    fail(e);
  }
}

document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => { route().then(() => document.getElementById('main').focus({ preventScroll: true })); });
route();
