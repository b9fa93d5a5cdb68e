import { z } from '@hono/zod-openapi';
import { LanguageTag, Slug } from './common.ts';

export const SkillRef = z
  .object({ slug: z.string(), label: z.string().openapi({ description: 'In the requested language, English fallback' }) })
  .openapi('SkillRef');

export const Skill = z
  .object({
    slug: z.string(),
    label: z.string(),
    labels: z.record(z.string(), z.string()).openapi({ description: 'Label per language tag' }),
    parent: z.string().nullable(),
    synonyms: z.array(z.string()),
    memberCount: z.number().int().openapi({ description: 'Members in the directory who declare it' }),
  })
  .openapi('Skill');

export const LangQuery = LanguageTag.optional().openapi({ description: 'Language of labels (default en)' });
export { Slug };
