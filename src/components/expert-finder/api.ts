/** The expert finder's requests, typed by the contract. */
import type { GroveClient } from '../../api/client.js';
import { get, type QueryOf } from '../../api/typed.js';
import type { ExpertPage } from './types.js';

/** The members best placed to answer `query.q`, each with the evidence that ranks them. */
export function findExperts(client: GroveClient, query: QueryOf<'/v1/experts'>, signal: AbortSignal): Promise<ExpertPage> {
  return get(client, '/v1/experts', { query, signal });
}

/** Up to `limit` topic labels from the skill taxonomy matching what is typed, in `lang`. */
export async function suggestTopics(client: GroveClient, q: string, lang: string, limit: number, signal: AbortSignal): Promise<string[]> {
  const page = await get(client, '/v1/skills', { query: { q, lang, limit }, signal });
  return page.items.map((skill) => skill.label);
}
