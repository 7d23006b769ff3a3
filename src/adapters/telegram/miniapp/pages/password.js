// The password form: asks the server what the chat's step waits for, then sends the password there.
import { api, closeSoon, initData, start, words } from './common.js';

const SECRET_API = 'api/secret';
const $ = (id) => document.getElementById(id);
const form = $('form');
const fields = { current: $('current'), password: $('password'), confirmation: $('confirmation') };

/** What each step of a flow shows: a title, the fields, and the label of the password field (page words). */
const KINDS = {
  claim: { title: 'titleClaim', current: false, again: true, label: 'password', button: 'save' },
  reset: { title: 'titleNew', current: false, again: true, label: 'newPassword', button: 'save' },
  'new-password': { title: 'titleNew', current: false, again: true, label: 'newPassword', button: 'save' },
  'current-password': {
    title: 'titleChange',
    current: true,
    again: true,
    label: 'newPassword',
    button: 'change',
  },
  'confirm-password': {
    title: 'titleConfirm',
    current: false,
    again: false,
    label: 'passwordAgain',
    button: 'confirm',
  },
  login: { title: 'titleLogin', current: false, again: false, label: 'password', button: 'logIn' },
};

const state = { nonce: new URLSearchParams(location.search).get('n') || '', purpose: '' };

function say(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = !text;
}

/** The form is over (stale, refused by the server for good, or done): only words remain. */
function finish(text) {
  form.hidden = true;
  $('notice').hidden = true;
  say(text);
}

function render(purpose, notice) {
  const kind = KINDS[purpose];
  if (!kind) return finish(words.unknownStep);
  state.purpose = purpose;
  $('title').textContent = words[kind.title];
  // The policy is for a new password: every step that asks for one twice.
  $('policy').hidden = !kind.again;
  $('current-field').hidden = !kind.current;
  $('confirmation-field').hidden = !kind.again;
  $('password-label').textContent = words[kind.label];
  fields.password.autocomplete = purpose === 'login' ? 'current-password' : 'new-password';
  $('submit').textContent = words[kind.button];
  $('notice').textContent = notice || '';
  $('notice').hidden = !notice;
  for (const input of Object.values(fields)) input.value = '';
  showError('');
  say('');
  form.hidden = false;
  (kind.current ? fields.current : fields.password).focus();
}

function failure(status, body) {
  if (status === 401) return words.notConfirmed;
  if (status === 409) return body?.error || words.stale;
  if (status === 429) return body?.error || words.locked;
  return words.failed;
}

async function load() {
  start();
  if (!initData()) return finish(words.outsideTelegram);
  const { status, body } = await api(`${SECRET_API}?${new URLSearchParams({ n: state.nonce })}`);
  if (status !== 200) return finish(failure(status, body));
  render(body.purpose);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const kind = KINDS[state.purpose];
  const values = {
    current: fields.current.value,
    password: fields.password.value,
    confirmation: fields.confirmation.value,
  };
  if (kind.current && !values.current) return showError(words.enterCurrent);
  if (!values.password) return showError(words.enterPassword);
  if (kind.again && values.password !== values.confirmation) return showError(words.differ);
  showError('');
  $('submit').disabled = true;
  try {
    const { status, body } = await api(SECRET_API, {
      method: 'POST',
      body: JSON.stringify({
        nonce: state.nonce,
        password: values.password,
        ...(kind.current ? { current: values.current } : {}),
        ...(kind.again ? { confirmation: values.confirmation } : {}),
      }),
    });
    if (status === 422) {
      fields.password.value = '';
      fields.confirmation.value = '';
      fields.password.focus();
      return showError(body?.refusal || words.refused);
    }
    if (status !== 200) return finish(failure(status, body));
    if (!body.done) {
      state.nonce = body.nonce;
      return render(body.purpose, body.notice);
    }
    finish(words.sent);
    closeSoon();
  } catch {
    showError(words.connectionFailed);
  } finally {
    $('submit').disabled = false;
  }
});

load();
