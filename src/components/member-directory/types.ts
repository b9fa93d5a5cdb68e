/** The directory's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

export type MemberSummary = Schemas['MemberSummary'];
export type MemberPage = Schemas['MemberPage'];
export type MemberFacets = Schemas['MemberFacets'];
export type FacetValue = Schemas['FacetValue'];
export type ContactChannel = Schemas['ContactChannel'];
export type ProfileSkill = Schemas['ProfileSkill'];
/**
 * openapi-typescript renders the profile as `MemberSummary & { skills?: ProfileSkill[] }`, which
 * intersects the two `skills` arrays and loses `endorsements`; restate the field as the server sends it.
 */
export type MemberProfile = Omit<Schemas['MemberProfile'], 'skills'> & { skills: ProfileSkill[] };

/** Renders extra content into a member card, e.g. a participation badge. Return a fresh node or template. */
export type BadgeRenderer = (member: MemberSummary) => unknown;

/** The signed-in member as their editor reads and writes them (GET / PATCH /api/v1/me). */
export type Me = Omit<Schemas['Me'], 'skills'> & { skills: ProfileSkill[] };
export type MePatch = Schemas['MePatch'];
export type ContactVisibility = Schemas['ContactVisibility'];
export type OwnContactChannel = Schemas['OwnContactChannel'];
export type JoinResult = Schemas['JoinResult'];
export type Community = Schemas['Community'];
