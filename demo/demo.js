// Stands in for the host intranet's own single sign-on: the page asks its identity provider for a
// token and hands Grove a function that returns it. Grove never sees a password or puts a token in a URL.
const provider = document.getElementById('provider');
const memberSelect = document.getElementById('demo-member');
const langSelect = document.getElementById('demo-lang');
const themeSelect = document.getElementById('demo-theme');
const stored = JSON.parse(localStorage.getItem('grove-demo') ?? '{}');

async function loadDemoMembers() {
  const response = await fetch('/api/v1/auth/demo-members');
  if (!response.ok) return;
  const { items } = await response.json();
  for (const member of items) {
    memberSelect.append(new Option(`${member.name} (${member.role})`, member.id));
  }
  memberSelect.value = stored.member ?? '';
}

async function fetchToken(member) {
  const response = await fetch('/api/v1/auth/demo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ member }),
  });
  if (!response.ok) throw new Error(`demo sign-in failed: ${response.status}`);
  return (await response.json()).token;
}

function applyLanguageAndTheme() {
  provider.setAttribute('lang', langSelect.value);
  provider.setAttribute('theme', themeSelect.value);
}

function apply() {
  const member = memberSelect.value;
  provider.tokenProvider = member ? () => fetchToken(member) : undefined;
  // The community hub's participation card follows whoever is signed in.
  document.getElementById('viewer-badge')?.setAttribute('member', member || '1');
  applyLanguageAndTheme();
  // The host page's own copy is English; only the widgets follow the chosen language (and its direction).
  localStorage.setItem('grove-demo', JSON.stringify({ member, lang: langSelect.value, theme: themeSelect.value }));
}

langSelect.value = stored.lang ?? 'en';
themeSelect.value = stored.theme ?? 'auto';
document.getElementById('sign-in').addEventListener('change', apply);
// Language and theme first, so the widgets' first requests already ask for the right language.
applyLanguageAndTheme();
await loadDemoMembers();
apply();
