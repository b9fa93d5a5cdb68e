/** The expert finder's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

export type ExpertPage = Schemas['ExpertPage'];
export type Expert = Schemas['Expert'];
export type ExpertEvidence = Schemas['ExpertEvidence'];
export type ExpertEvidenceItem = Schemas['ExpertEvidenceItem'];
export type ExpertTopic = Schemas['ExpertTopic'];
export type SkillPage = Schemas['SkillPage'];
