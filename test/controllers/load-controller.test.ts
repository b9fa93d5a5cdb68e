import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { initialState } from '@lit/task';
import { LitElement, html } from 'lit';
import { GroveApiError, toGroveError } from '../../src/api/problem.js';
import { LoadController } from '../../src/controllers/load-controller.js';
import { defineElement } from '../../src/registry/define-element.js';
import type { GroveErrorEvent } from '../../src/events/grove-error-event.js';

/** A host whose one task waits for `gate` and records each run's signal. */
class LoadProbe extends LitElement {
  readonly load = new LoadController(this);
  runs: AbortSignal[] = [];
  gate: Promise<string> = Promise.resolve('done');
  failures: GroveApiError[] = [];
  readonly task = this.load.task({
    task: async (_args, { signal }) => {
      this.runs.push(signal);
      const value = await new Promise<string>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        this.gate.then(resolve, reject);
      });
      return value === 'nothing' ? initialState : value;
    },
    args: () => [] as const,
    onError: (error) => this.failures.push(error),
  });

  protected override render() {
    return html`${this.task.value ?? ''}`;
  }
}
defineElement('grove-load-probe', LoadProbe);

function deferred(): { promise: Promise<string>; resolve: (value: string) => void; reject: (error: unknown) => void } {
  let resolve!: (value: string) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<string>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/** A probe in a container of its own (not `fixture()`, which waits for an animation frame: test pages run in background tabs). */
async function probe(gate: Promise<string>): Promise<LoadProbe> {
  const element = new LoadProbe();
  element.gate = gate;
  const container = document.body.appendChild(document.createElement('div'));
  container.append(element);
  await element.updateComplete;
  return element;
}

describe('LoadController', () => {
  afterEach(() => {
    for (const element of document.querySelectorAll('grove-load-probe')) element.parentElement?.remove();
  });

  it('aborts a pending task when its host is removed, and reports nothing', async () => {
    const { promise } = deferred();
    const element = await probe(promise);
    let reported = false;
    document.addEventListener('grove-error', () => (reported = true), { once: true });
    element.remove();
    expect(element.runs[0]?.aborted).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve));
    expect(reported, 'an abort is not a failure').to.equal(false);
    expect(element.failures).to.deep.equal([]);
  });

  it('runs a task cut off by a move again, and finishes it', async () => {
    const gate = deferred();
    const element = await probe(gate.promise);
    element.parentElement!.append(element);
    expect(element.runs, 'a second run after the move').to.have.length(2);
    expect(element.runs[0]?.aborted).to.equal(true);
    gate.resolve('loaded');
    await waitUntil(() => element.shadowRoot?.textContent === 'loaded', 'the rerun completes', { timeout: 4000 });
  });

  it('leaves a finished task alone when its host moves', async () => {
    const element = await probe(Promise.resolve('loaded'));
    await waitUntil(() => element.shadowRoot?.textContent === 'loaded');
    element.parentElement!.append(element);
    await element.updateComplete;
    expect(element.runs).to.have.length(1);
    expect(element.shadowRoot?.textContent).to.equal('loaded');
  });

  it('reports a real failure once, normalised to GroveApiError, with grove-error from the host', async () => {
    const gate = deferred();
    const element = await probe(gate.promise);
    const failed = oneEvent<GroveErrorEvent>(element, 'grove-error');
    gate.reject(new TypeError('x is undefined'));
    const event = await failed;
    expect(event.detail.error).to.be.instanceOf(GroveApiError);
    expect(event.detail.error.kind).to.equal('unknown');
    expect((event.detail.error.cause as Error).message).to.equal('x is undefined');
    expect(element.failures, 'onError gets the same normalised error').to.deep.equal([event.detail.error]);
  });

  it('keeps client errors as they are and turns aborts into nothing', () => {
    const error = new GroveApiError('forbidden', 403);
    expect(toGroveError(error)).to.equal(error);
    expect(toGroveError(new DOMException('gone', 'AbortError'))).to.equal(undefined);
  });
});
