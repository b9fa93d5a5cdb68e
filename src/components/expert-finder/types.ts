/** The expert finder's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

export type ExpertPage = Omit<Schemas['ExpertPage'], 'items'> & { items: Expert[] };
/**
 * openapi-typescript renders the nullable, described `contact` as `ContactChannel & (Record<string, never> | null)`;
 * restate it as the server sends it.
 */
export type Expert = Omit<Schemas['Expert'], 'contact'> & { contact: Schemas['ContactChannel'] | null };
export type ExpertEvidence = Schemas['ExpertEvidence'];
export type ExpertEvidenceItem = Schemas['ExpertEvidenceItem'];
export type ExpertTopic = Schemas['ExpertTopic'];
export type SkillPage = Schemas['SkillPage'];
