// Reads ?thread=&member= and mounts the thread inside a provider signed in as that demo member (the
// token comes from the demo endpoint, as a host's sign-on would hand it over).
const params = new URLSearchParams(location.search);
const provider = document.querySelector('grove-provider');
const member = params.get('member');
if (member) {
  provider.tokenProvider = async () => {
    const response = await fetch('/api/v1/auth/demo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ member }),
    });
    return (await response.json()).token;
  };
}
// The thread must find its provider: until the runtime buffers context requests for providers that
// upgrade late (@lit/context's ContextRoot), a thread whose chunk arrives first stays "not configured".
await customElements.whenDefined('grove-provider');
const thread = document.createElement('grove-discussion-thread');
thread.setAttribute('thread', params.get('thread') ?? '');
provider.append(thread);
