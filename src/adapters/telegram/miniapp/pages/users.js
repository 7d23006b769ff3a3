// The admin's user table: read-only; a name opens that person's panel in the chat.
import { api, closeSoon, fill, initData, locale, start, words } from './common.js';

const $ = (id) => document.getElementById(id);
const PLATFORM_NAMES = {
  telegram: words.platformTelegram,
  slack: words.platformSlack,
  console: words.platformConsole,
};
/** Each status the server lists (its value) as the page words it; in the server's order too. */
const STATUS_NAMES = {
  Active: words.statusActive,
  Pending: words.statusPending,
  Expired: words.statusExpired,
  Deactivated: words.statusDeactivated,
};
// The server's order (Active, Pending, Expired, Deactivated, each by name) until a column is chosen.
const STATUS_ORDER = Object.keys(STATUS_NAMES);
const ROLE_NAMES = { admin: words.roleAdmin, member: words.roleMember };
const relative = new Intl.RelativeTimeFormat(locale, { style: 'short' });
const number = new Intl.NumberFormat(locale);
const state = { rows: [], sort: { key: 'status', direction: 1 }, query: '' };

function say(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

function ago(iso) {
  if (!iso) return words.never;
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60000);
  if (minutes < 1) return words.justNow;
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? relative.format(-hours, 'hour') : relative.format(-Math.round(hours / 24), 'day');
}

function text(row, key) {
  const value = row[key];
  if (Array.isArray(value)) return value.join(', ');
  return value ?? '';
}

function byName(a, b) {
  if (!a.name || !b.name) return (a.name ? 0 : 1) - (b.name ? 0 : 1);
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}

function compare(a, b) {
  const { key, direction } = state.sort;
  // Never-seen people and invites sort after everyone who was seen, whichever the direction.
  if (key === 'lastSeenAt') {
    if (!a.lastSeenAt || !b.lastSeenAt) return (a.lastSeenAt ? 0 : 1) - (b.lastSeenAt ? 0 : 1);
    return direction * (Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt));
  }
  if (key === 'status') {
    const rank = STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    return rank !== 0 ? direction * rank : byName(a, b);
  }
  const [x, y] = [text(a, key), text(b, key)];
  // Empty cells (an invite without a label) go last too.
  if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
  return direction * x.localeCompare(y, undefined, { sensitivity: 'base' });
}

function matches(row) {
  if (!state.query) return true;
  // A person searches by what the table shows them, in their language, as well as by the values.
  const worded = [
    ROLE_NAMES[row.role],
    STATUS_NAMES[row.status],
    ...row.platforms.map((p) => PLATFORM_NAMES[p]),
  ];
  const haystack = [
    row.name,
    row.email,
    row.role,
    row.status,
    ...row.groups,
    ...row.platforms,
    row.id,
    ...worded,
  ]
    .join(' ')
    .toLowerCase();
  return state.query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

const LABELS = [
  words.name,
  words.email,
  words.role,
  words.groups,
  words.status,
  words.linked,
  words.lastSeen,
];

function cell(content, className) {
  const td = document.createElement('td');
  if (typeof content === 'string') td.textContent = content;
  else td.append(content);
  if (className) td.className = className;
  return td;
}

function nameCell(row) {
  if (row.kind === 'invite') {
    const span = document.createElement('span');
    span.textContent = fill(words.inviteRow, { name: row.name || '—', id: row.id });
    return cell(span, 'muted');
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = row.name;
  button.title = words.openPanel;
  button.addEventListener('click', () => openInChat(row));
  return cell(button);
}

function badge(status) {
  const span = document.createElement('span');
  span.classList.add('badge', `badge-${status.toLowerCase()}`);
  span.textContent = STATUS_NAMES[status] ?? status;
  return span;
}

function render() {
  const rows = state.rows.filter(matches).sort(compare);
  const body = $('rows');
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset.kind = row.kind;
      tr.append(
        nameCell(row),
        cell(row.email ?? words.none, row.email ? '' : 'muted'),
        cell(ROLE_NAMES[row.role] ?? row.role),
        cell(row.groups.length ? row.groups.join(', ') : words.none, row.groups.length ? '' : 'muted'),
        cell(badge(row.status)),
        cell(row.platforms.map((p) => PLATFORM_NAMES[p] ?? p).join(', ') || words.none),
        cell(row.kind === 'invite' ? '—' : ago(row.lastSeenAt), 'muted'),
      );
      // The phone layout labels each cell from this.
      [...tr.children].forEach((td, i) => (td.dataset.label = LABELS[i]));
      return tr;
    }),
  );
  for (const th of document.querySelectorAll('th[data-key]')) {
    const sorted = th.dataset.key === state.sort.key;
    th.setAttribute('aria-sort', sorted ? (state.sort.direction > 0 ? 'ascending' : 'descending') : 'none');
  }
  $('count').textContent = fill(words.count, {
    shown: number.format(rows.length),
    total: number.format(state.rows.length),
  });
}

async function openInChat(row) {
  say(fill(words.opening, { name: row.name }));
  const { status } = await api('api/users/open', {
    method: 'POST',
    body: JSON.stringify({ userId: row.id }),
  });
  if (status !== 204) return say(words.openFailed);
  say(fill(words.opened, { name: row.name }));
  closeSoon();
}

async function load() {
  start();
  if (!initData()) return say(words.outsideTelegram);
  const { status, body } = await api('api/users');
  if (status === 403) return say(words.adminsOnly);
  if (status === 401) return say(words.notConfirmed);
  if (status !== 200) return say(words.failed);
  state.rows = body.rows;
  say(state.rows.length ? '' : words.nobody);
  $('toolbar').hidden = false;
  $('table').hidden = false;
  render();
}

$('search').addEventListener('input', (event) => {
  state.query = event.target.value.trim();
  render();
});

for (const th of document.querySelectorAll('th[data-key]')) {
  th.querySelector('button').addEventListener('click', () => {
    const key = th.dataset.key;
    state.sort = { key, direction: state.sort.key === key ? -state.sort.direction : 1 };
    render();
  });
}

load();
