// The admin's user table: read-only; a name opens that person's panel in the chat.
import { api, closeSoon, initData, start } from './common.js';

const $ = (id) => document.getElementById(id);
const PLATFORM_NAMES = { telegram: 'Telegram', slack: 'Slack', console: 'Console' };
// The server's order (Active, Pending, Expired, Deactivated, each by name) until a column is chosen.
const STATUS_ORDER = ['Active', 'Pending', 'Expired', 'Deactivated'];
const state = { rows: [], sort: { key: 'status', direction: 1 }, query: '' };

function say(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

function ago(iso) {
  if (!iso) return 'never';
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
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
  const haystack = [row.name, row.email, row.role, row.status, ...row.groups, ...row.platforms, row.id]
    .join(' ')
    .toLowerCase();
  return state.query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

const LABELS = ['Name', 'Email', 'Role', 'Groups', 'Status', 'Linked', 'Last seen'];

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
    span.textContent = row.name ? `${row.name} (invite ${row.id})` : `— (invite ${row.id})`;
    return cell(span, 'muted');
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = row.name;
  button.title = 'Open the panel in the chat';
  button.addEventListener('click', () => openInChat(row));
  return cell(button);
}

function badge(status) {
  const span = document.createElement('span');
  span.className = `badge badge-${status.toLowerCase()}`;
  span.textContent = status;
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
        cell(row.email ?? '—', row.email ? '' : 'muted'),
        cell(row.role === 'admin' ? 'Admin' : 'Member'),
        cell(row.groups.length ? row.groups.join(', ') : '—', row.groups.length ? '' : 'muted'),
        cell(badge(row.status)),
        cell(row.platforms.map((p) => PLATFORM_NAMES[p] ?? p).join(', ') || '—'),
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
  $('count').textContent = `${rows.length} of ${state.rows.length}`;
}

async function openInChat(row) {
  say(`Opening ${row.name}'s panel in the chat…`);
  const { status } = await api('api/users/open', {
    method: 'POST',
    body: JSON.stringify({ userId: row.id }),
  });
  if (status !== 204) return say('That did not work. Use /user in the chat instead.');
  say(`${row.name}'s panel is in the chat.`);
  closeSoon();
}

async function load() {
  start();
  if (!initData()) return say('Open this table from its button in your Telegram chat with the bot.');
  const { status, body } = await api('api/users');
  if (status === 403) return say('Only admins can see this table.');
  if (status === 401)
    return say('This page could not confirm who you are. Open it from its button in the chat.');
  if (status !== 200) return say('Something went wrong. Please try again in a moment.');
  state.rows = body.rows;
  say(state.rows.length ? '' : 'Nobody yet.');
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
