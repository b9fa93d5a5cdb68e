/** The badge's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

export type Level = Schemas['ParticipationLevel'];
export type MemberBadge = Schemas['MemberBadge'];
export type Achievement = Schemas['Achievement'];
export type ContributionKey = keyof Schemas['Contributions'];
export type LevelShare = Schemas['LevelShare'];
export type CommunityParticipation = Schemas['CommunityParticipation'];
