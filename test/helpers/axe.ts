import { expect } from '@open-wc/testing';

/**
 * Asserts that `element` (shadow DOM included) passes axe. Use in every state a widget can show.
 * `ignoredRules` names axe rule ids to skip, each with a reason in the calling test.
 */
export async function expectAccessible(element: Element, ignoredRules: string[] = []): Promise<void> {
  await expect(element).to.be.accessible({ ignoredRules });
}
