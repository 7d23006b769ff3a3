// The password form: asks the server what the chat's step waits for, then sends the password there.
import { api, closeSoon, initData, start } from './common.js';

const $ = (id) => document.getElementById(id);
const form = $('form');
const fields = { current: $('current'), password: $('password'), confirmation: $('confirmation') };

/** What each step of a flow shows: a title, the fields, and the label of the password field. */
const KINDS = {
  claim: { title: 'Choose your password', current: false, again: true, label: 'Password', button: 'Save' },
  reset: { title: 'Set a new password', current: false, again: true, label: 'New password', button: 'Save' },
  'new-password': {
    title: 'Set a new password',
    current: false,
    again: true,
    label: 'New password',
    button: 'Save',
  },
  'current-password': {
    title: 'Change your password',
    current: true,
    again: true,
    label: 'New password',
    button: 'Change',
  },
  'confirm-password': {
    title: 'Confirm your new password',
    current: false,
    again: false,
    label: 'The new password again',
    button: 'Confirm',
  },
  login: { title: 'Your password', current: false, again: false, label: 'Password', button: 'Log in' },
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
  if (!kind) return finish('This step is not one this form knows. Go back to the chat.');
  state.purpose = purpose;
  $('title').textContent = kind.title;
  // The policy is for a new password: every step that asks for one twice.
  $('policy').hidden = !kind.again;
  $('current-field').hidden = !kind.current;
  $('confirmation-field').hidden = !kind.again;
  $('password-label').textContent = kind.label;
  fields.password.autocomplete = purpose === 'login' ? 'current-password' : 'new-password';
  $('submit').textContent = kind.button;
  $('notice').textContent = notice || '';
  $('notice').hidden = !notice;
  for (const input of Object.values(fields)) input.value = '';
  showError('');
  say('');
  form.hidden = false;
  (kind.current ? fields.current : fields.password).focus();
}

function failure(status, body) {
  if (status === 401) return 'This page could not confirm who you are. Open it from its button in the chat.';
  if (status === 409) return body?.error || 'This form is no longer current. Go back to the chat.';
  if (status === 429) return body?.error || 'Too many attempts. Please try again later.';
  return 'Something went wrong. Please try again in a moment.';
}

async function load() {
  start();
  if (!initData()) return finish('Open this form from its button in your Telegram chat with the bot.');
  const { status, body } = await api(`api/secret?n=${encodeURIComponent(state.nonce)}`);
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
  if (kind.current && !values.current) return showError('Please enter your current password.');
  if (!values.password) return showError('Please enter the password.');
  if (kind.again && values.password !== values.confirmation)
    return showError('The two passwords differ. Type the same new password in both fields.');
  showError('');
  $('submit').disabled = true;
  try {
    const { status, body } = await api('api/secret', {
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
      return showError(body?.refusal || 'That password cannot be used. Choose another.');
    }
    if (status !== 200) return finish(failure(status, body));
    if (!body.done) {
      state.nonce = body.nonce;
      return render(body.purpose, body.notice);
    }
    finish('Sent. Continue in the chat.');
    closeSoon();
  } catch {
    showError('The connection failed. Please try again.');
  } finally {
    $('submit').disabled = false;
  }
});

load();
