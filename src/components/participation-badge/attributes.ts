/**
 * What a site editor can paste: `member` (a numeric id), `community` (a slug; CMS editors may capitalise
 * it, so any case is accepted) and `variant`. A wrong value is named back in the widget.
 */
export interface BadgeAttributes {
  member: string;
  community: string;
  variant: string;
}

export const VARIANTS = ['inline', 'card'] as const;
export type Variant = (typeof VARIANTS)[number];

const CHECKS: readonly [attribute: keyof BadgeAttributes, valid: (value: string) => boolean][] = [
  ['member', (value) => /^[1-9]\d{0,18}$/.test(value)],
  ['community', (value) => /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value)],
  ['variant', (value) => (VARIANTS as readonly string[]).includes(value)],
];

/** The first unusable attribute; `value` is '' when neither `member` nor `community` is set. */
export function invalidAttribute(element: BadgeAttributes): { name: string; value: string } | undefined {
  if (!element.member.trim() && !element.community.trim()) return { name: 'member', value: '' };
  for (const [name, valid] of CHECKS) {
    const value = element[name].trim();
    if (value !== '' && !valid(value)) return { name, value };
  }
  return undefined;
}
