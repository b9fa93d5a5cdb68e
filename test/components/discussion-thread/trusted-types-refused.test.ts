/**
 * A page whose CSP `trusted-types` directive does not list `grove-post-html`: the browser refuses to
 * create the policy (createPolicy throws a TypeError). The thread must say so, naming the policy, rather
 * than fail inside its render and stay on "Loading…". Its own file: the policy is created once per page.
 */
import { expect } from '@open-wc/testing';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { $, render, threadClient } from './thread-helpers.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

interface TrustedTypeFactory {
  createPolicy(name: string, rules: object): unknown;
}

describe('grove-discussion-thread under a Trusted Types policy that refuses it', () => {
  const factory = (globalThis as unknown as { trustedTypes: TrustedTypeFactory }).trustedTypes;
  const createPolicy = factory.createPolicy.bind(factory);

  before(() => {
    // What Chromium does when the CSP's `trusted-types` list lacks the name.
    factory.createPolicy = (name, rules) => {
      if (name === 'grove-post-html') throw new TypeError(`Failed to execute 'createPolicy': Policy "${name}" disallowed.`);
      return createPolicy(name, rules);
    };
  });
  after(() => {
    factory.createPolicy = createPolicy;
  });

  it('says which policy the page must allow, instead of loading for ever', async () => {
    const element = await render(threadClient());
    const alert = $(element, '[role="alert"]');
    expect(alert?.textContent).to.include('grove-post-html');
    expect(alert?.textContent).to.include('security policy');
    expect($(element, '[aria-busy="true"]'), 'not stuck on Loading…').to.equal(null);
    await expectAccessible(element);
  });
});
