/** The thread's names for the v1 contract types (generated from the OpenAPI document). */
import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

export type Thread = Schemas['Thread'];
export type Post = Schemas['Post'];
export type PostAuthor = Schemas['PostAuthor'];
export type PostPage = Schemas['PostPage'];
/** The body of `POST /v1/posts`: a thread id, or a page key with what creating the thread needs. */
export type NewPost = Schemas['PostInput'];
export type ReactionKind = Schemas['ReactionInput']['kind'];
export type QueuedReport = Schemas['QueuedReport'];
export type ReportPage = Schemas['ReportQueue'];
export type ThreadChange = Schemas['ThreadModeration'];

/** The reactions offered, in the order shown (the contract's enum, which has no order of its own). */
export const REACTION_KINDS: readonly ReactionKind[] = ['helpful', 'thanks', 'agree', 'insightful'];
