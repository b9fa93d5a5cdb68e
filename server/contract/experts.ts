import { z } from '@hono/zod-openapi';
import { Id, LanguageTag, Slug, Text, Timestamp, orNull } from './common.ts';
import { ContactChannel, MemberSummary } from './members.ts';
import { SkillRef } from './skills.ts';

/** Kinds of evidence an expert is ranked on, strongest first (the ranker's order of ties too). */
export const EVIDENCE_KINDS = ['accepted-answer', 'answer', 'post', 'event-led', 'endorsement', 'declared-skill', 'profile'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ExpertQuery = z.object({
  q: Text()
    .trim()
    .min(1, 'Ask a question or name a topic')
    .max(300)
    .openapi({ description: 'A question or a topic, in any language: "Who can help with drip irrigation?"' }),
  community: Slug.optional().openapi({ description: 'Only members of this community and its sub-communities' }),
  lang: LanguageTag.optional().openapi({ description: 'Language of skill labels (default en)' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const ExpertTopic = SkillRef.extend({
  strength: z.number().openapi({ description: '1 when a label or synonym is in the question; less for a partial match' }),
}).openapi('ExpertTopic');

export const EvidenceItem = z
  .object({
    kind: z.enum(['thread', 'event']),
    id: Id,
    title: z.string(),
    url: z.string().nullable().openapi({ description: "The thread's page when it is attached to a web page" }),
    at: Timestamp,
  })
  .openapi('ExpertEvidenceItem');

export const Evidence = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    count: z.number().int().openapi({ description: 'Items of this kind (posts, endorsements, events…)' }),
    share: z.number().min(0).max(1).openapi({ description: "Share of the member's score this evidence gave" }),
    skills: z.array(SkillRef).openapi({ description: 'The topics of the question this evidence is about' }),
    items: z.array(EvidenceItem).openapi({ description: 'Up to three threads or events, most telling first' }),
  })
  .openapi('ExpertEvidence');

export const Expert = z
  .object({
    member: MemberSummary,
    score: z.number().openapi({ description: 'Ranking score after availability and load; comparable within one answer only' }),
    evidence: z.array(Evidence).openapi({ description: 'Why the member ranks here, strongest first' }),
    recentContributions: z.number().int().openapi({ description: 'Posts and answers in the load window (30 days by default)' }),
    tempering: z
      .object({ availability: z.number(), load: z.number() })
      .openapi({ description: 'Multipliers applied for limited availability and recent load (1 = none)' }),
    contact: orNull(ContactChannel).openapi({ description: 'The first contact channel this viewer may see, to ask' }),
  })
  .openapi('Expert');

export const ExpertPage = z
  .object({
    items: z.array(Expert),
    topics: z.array(ExpertTopic).openapi({ description: 'Skills of the taxonomy the question was matched to, strongest first' }),
  })
  .openapi('ExpertPage');
