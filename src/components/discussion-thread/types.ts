/** The thread's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/**
 * openapi-typescript renders a nullable, described reference as `MemberRef & (Record<string, never> | null)`;
 * `createdBy` and `resolvedBy` are restated as the server sends them (as for the expert finder's `contact`).
 */
export type Thread = Omit<Schemas['Thread'], 'createdBy'> & { createdBy: Schemas['MemberRef'] | null };
export type Post = Schemas['Post'];
export type PostAuthor = Schemas['PostAuthor'];
export type PostPage = Schemas['PostPage'];
/** The body of `POST /v1/posts`: a thread id, or a page key with what creating the thread needs. */
export type NewPost = Schemas['PostInput'];
export type ReactionKind = Schemas['ReactionInput']['kind'];
export type QueuedReport = Omit<Schemas['QueuedReport'], 'resolvedBy'> & { resolvedBy: Schemas['MemberRef'] | null };
export type ReportPage = Omit<Schemas['ReportQueue'], 'items'> & { items: QueuedReport[] };
export type ThreadChange = Schemas['ThreadModeration'];

/** The reactions offered, in the order shown (the contract's enum, which has no order of its own). */
export const REACTION_KINDS: readonly ReactionKind[] = ['helpful', 'thanks', 'agree', 'insightful'];
