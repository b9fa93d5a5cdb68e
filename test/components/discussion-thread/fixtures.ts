import type { Post, QueuedReport, Thread } from '../../../src/components/discussion-thread/types.js';

/** A thread as the server sends it to a signed-in member who may post but not moderate. */
export function makeThread(overrides: Partial<Thread> = {}): Thread {
  return {
    id: '7',
    community: 'water',
    key: 'https://example.org/articles/drip',
    title: 'Drip irrigation in clay soils',
    kind: 'discussion',
    status: 'open',
    pinned: false,
    acceptedPostId: null,
    postCount: 0,
    createdBy: { id: 'm1', name: 'Member 1', avatarUrl: null, presence: 'listed' },
    createdAt: '2026-11-01T09:00:00.000Z',
    lastPostAt: null,
    version: 1,
    viewer: { canPost: true, canModerate: false, canAccept: false, following: false },
    ...overrides,
  };
}

let clock = Date.parse('2026-11-01T09:00:00Z');

/** A post whose `createdAt` grows with each call, so lists sort as written. */
export function makePost(id: string, overrides: Partial<Post> = {}): Post {
  clock += 60_000;
  return {
    id,
    thread: '7',
    author: { id: `m${id}`, name: `Member ${id}`, avatarUrl: null, presence: 'listed', role: 'member', expert: false },
    replyTo: null,
    bodyMd: `Body of ${id}`,
    bodyHtml: `<p>Body of ${id}</p>`,
    language: 'en',
    createdAt: new Date(clock).toISOString(),
    editedAt: null,
    hidden: false,
    held: false,
    deleted: false,
    accepted: false,
    version: 1,
    reactions: {},
    viewerReactions: [],
    viewerCanEdit: false,
    ...overrides,
  };
}

const PEOPLE = ['Amina Diallo', 'Omar Haddad', 'Lucía Pérez', 'Jean-Baptiste Kaboré', 'Priya Raman', 'Tomás Ortega'];
const BODIES: [language: string, html: string][] = [
  ['en', '<p>We switched to <strong>drip lines</strong> last season; clay soils needed longer, slower cycles.</p>'],
  ['fr', '<p>Chez nous, le paillage a réduit l’évaporation de moitié. Quelqu’un a des mesures ?</p>'],
  ['es', '<p>¿Alguien ha probado sensores capacitivos? Los resistivos se corroen en un año.</p>'],
  ['ar', '<p>جرّبنا الري بالتنقيط في التربة الطينية، وكانت النتائج جيدة مع فترات ري أطول.</p>'],
];

/** A lively, multilingual conversation for stories and the benchmark: replies, reactions, an accepted answer. */
export function conversation(count: number): Post[] {
  return Array.from({ length: count }, (_, index) => {
    const [language, bodyHtml] = BODIES[index % BODIES.length]!;
    const authorIndex = index % PEOPLE.length;
    return makePost(String(index + 1), {
      // Amina facilitates the community; Lucía is recognised on its topic.
      author: {
        id: `m${authorIndex + 1}`,
        name: PEOPLE[authorIndex]!,
        avatarUrl: null,
        presence: 'listed',
        role: authorIndex === 0 ? 'facilitator' : 'member',
        expert: authorIndex === 2,
      },
      language,
      bodyHtml,
      bodyMd: bodyHtml.replace(/<[^>]+>/g, ''),
      replyTo: index % 3 === 2 ? { id: String(index), author: PEOPLE[(index - 1) % PEOPLE.length]! } : null,
      reactions: index % 2 === 0 ? { helpful: (index % 5) + 1 } : {},
      accepted: index === 1,
      editedAt: index === 3 ? '2026-11-02T10:00:00Z' : null,
    });
  });
}

/** Fake-client routes for a thread (`GET /v1/threads?key=`, posts paged by `limit`, posting). */
export function threadRoutes(posts: Post[], thread: Partial<Thread> = {}): Record<string, unknown> {
  const current = makeThread({ postCount: posts.length, kind: 'question', status: 'answered', acceptedPostId: '2', ...thread });
  return {
    'GET /v1/threads': current,
    'GET /v1/threads/7': current,
    'GET /v1/threads/7/posts': ({ query }: { query: Record<string, unknown> }) => {
      const start = Number(query.cursor ?? 0);
      const limit = Number(query.limit ?? 20);
      const ordered = query.order === 'newest' ? [...posts].reverse() : posts;
      const end = start + limit;
      return { items: ordered.slice(start, end), next: end < ordered.length ? String(end) : null };
    },
    'POST /v1/posts': ({ body }: { body: unknown }) => {
      const text = (body as { body: string }).body;
      return makePost(String(1000 + posts.length), {
        bodyMd: text,
        bodyHtml: `<p>${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
        viewerCanEdit: true,
      });
    },
    'PUT /v1/threads/:id/follow': { following: true },
    'DELETE /v1/threads/:id/follow': { following: false },
    // Pre-moderation off and nothing held: the facilitators' queue shows the setting and the reports.
    'GET /v1/communities/water/held-posts': { items: [], next: null, firstPosts: 0 },
    'GET /v1/communities/water/moderation-log': moderationLog(),
  };
}

/** Posts awaiting approval in water, as its facilitators' queue returns them (pre-moderation of the first 2 posts). */
export function heldPosts(posts: readonly Post[]) {
  return {
    items: posts.map((post) => ({
      id: post.id,
      thread: post.thread,
      threadTitle: 'Drip irrigation in clay soils',
      url: null,
      author: { id: post.author.id, name: post.author.name, avatarUrl: null, presence: 'listed' as const },
      bodyMd: post.bodyMd,
      bodyHtml: post.bodyHtml,
      createdAt: post.createdAt,
    })),
    next: null,
    firstPosts: 2,
  };
}

const person = (id: string, name: string) => ({ id, name, avatarUrl: null, presence: 'listed' as const });

/** A page of water's moderation log, newest first: a silence, a hidden post, a lock (then repeating, from `from`). */
export function moderationLog({ from = 0, next = null }: { from?: number; next?: string | null } = {}) {
  const facilitator = person('2', 'Amina Diallo');
  const kinds = [
    {
      action: 'silence' as const,
      member: person('61', 'Nina Newcomer'),
      post: null,
      thread: null,
      threadTitle: null,
      detail: '24 h: Adverts',
    },
    {
      action: 'hide-post' as const,
      member: person('3', 'Omar Haddad'),
      post: '12',
      thread: '7',
      threadTitle: 'Drip irrigation in clay soils',
      detail: '',
    },
    { action: 'lock-thread' as const, member: null, post: null, thread: '7', threadTitle: 'Drip irrigation in clay soils', detail: '' },
  ];
  return {
    items: kinds.map((kind, index) => ({
      id: String(900 - from - index),
      actor: facilitator,
      at: new Date(Date.UTC(2026, 11, 6, 12 - from - index)).toISOString(),
      ...kind,
    })),
    next,
  };
}

/** Open reports on some of `posts`, as a facilitator's queue returns them: two on the first, one on the third. */
export function queuedReports(posts: readonly Post[]): QueuedReport[] {
  const reasons: [postIndex: number, reporter: string, reason: string][] = [
    [0, 'Omar Haddad', 'This reads like an advertisement for one supplier.'],
    [0, 'Priya Raman', 'Spam'],
    [2, 'Tomás Ortega', 'Off topic, and unkind to the previous poster.'],
  ];
  return reasons.flatMap(([postIndex, reporter, reason], index) => {
    const post = posts[postIndex];
    if (!post) return [];
    const count = reasons.filter(([other]) => other === postIndex).length;
    return [
      {
        id: String(500 + index),
        reason,
        reporter: { id: `r${index}`, name: reporter, avatarUrl: null, presence: 'listed' },
        createdAt: new Date(Date.parse(post.createdAt) + (index + 1) * 3_600_000).toISOString(),
        resolvedAt: null,
        resolvedBy: null,
        post: {
          id: post.id,
          thread: post.thread,
          threadTitle: 'Drip irrigation in clay soils',
          author: { id: post.author.id, name: post.author.name, avatarUrl: null, presence: 'listed' },
          bodyMd: post.bodyMd,
          hidden: post.hidden,
          deleted: post.deleted,
          openReports: count,
        },
      },
    ];
  });
}
