/** The comment count's one request, typed by the contract. */
import { batcher } from '../shared/batcher.js';
import { get } from '../../api/typed.js';

/**
 * The number of visible posts on a page key's thread (0 when it has none yet). Every count on a page
 * asked for in the same task shares one `GET /v1/threads/counts?key=…&key=…` (chunks of the server's 100)
 * per community (the group; '' for counts that name none).
 */
export const countFor = batcher(async (client, community, keys, signal) => {
  const { counts } = await get(client, '/v1/threads/counts', { query: { key: keys, ...(community ? { community } : {}) }, signal });
  return (key) => counts[key] ?? 0;
});
