// The demo mail page: lists what Grove's mail catcher received and sends a reply back over SMTP through
// the demo-only API. Text goes in with textContent only: a message's content never becomes markup here.
const list = document.getElementById('messages');
const status = document.getElementById('status');
const detail = document.getElementById('message');
const form = document.getElementById('reply-form');
let messages = [];
let selected = null;

const SHOWN = ['message-id', 'in-reply-to', 'reply-to', 'list-id', 'list-unsubscribe', 'auto-submitted', 'precedence'];

function show(message) {
  selected = message;
  detail.hidden = false;
  document.getElementById('message-subject').textContent = message.subject;
  const headers = document.getElementById('message-headers');
  headers.replaceChildren();
  for (const [name, value] of [
    ['to', message.to],
    ['from', message.from],
    ['size', `${message.size} bytes`],
    ...SHOWN.map((h) => [h, message.headers[h]]),
  ]) {
    if (!value) continue;
    const term = document.createElement('dt');
    term.textContent = name;
    const description = document.createElement('dd');
    description.textContent = value;
    headers.append(term, description);
  }
  document.getElementById('message-text').textContent = message.text;
  form.hidden = !message.headers['reply-to'];
  document.getElementById('reply-result').textContent = '';
}

async function refresh() {
  status.textContent = 'Loading…';
  const response = await fetch('/api/v1/demo/mail');
  if (!response.ok) {
    status.textContent = `The mail catcher is not running (${response.status}).`;
    return;
  }
  messages = (await response.json()).items;
  list.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'message-link';
      button.textContent = `${message.subject} — to ${message.to}`;
      button.addEventListener('click', () => show(message));
      item.append(button);
      return item;
    }),
  );
  status.textContent = messages.length ? `${messages.length} messages` : 'No mail yet: sign in on the people page and reply to a post.';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!selected) return;
  const result = document.getElementById('reply-result');
  result.textContent = 'Sending…';
  const response = await fetch(`/api/v1/demo/mail/${selected.id}/reply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ text: document.getElementById('reply-text').value }),
  });
  const body = await response.json();
  result.textContent = response.ok ? (body.accepted ? `Grove answered: ${body.response}` : `Refused: ${body.response}`) : body.detail;
});

document.getElementById('refresh').addEventListener('click', refresh);
void refresh();
