import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { MemberFacetsPage, MemberPage, MemberQuery } from '../../../server/contract/members.ts';
import { searchMembers } from '../../../server/members/directory.ts';
import { assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
const TAG = `s${process.pid.toString(36)}`;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into members (name, organisation, practice, country, languages, time_zone) values
       ($1, 'Réseau Eau', 'Hydrologue', 'SN', '{fr}', 'Africa/Dakar'),
       ($2, 'Water Org', 'Engineer', 'JO', '{ar}', 'Asia/Amman'),
       ($3, 'Org', 'Agronome', 'MA', '{ar,fr}', 'Africa/Casablanca')
     returning id`,
    [`Zoé Ålvarez-${TAG}`, `محمد الحسيني ${TAG}`, `Zzyzx Quillon ${TAG}`],
  );
  for (const { id } of rows) await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, id]);
});
after(async () => (await testDatabase()).close());

async function search(q: string, extra = '') {
  const result = await call(ctx.grove, `/api/v1/members?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(result.status, 200, result.text);
  return assertSchema(MemberPage, result.json);
}

describe('directory type-ahead', () => {
  test('finds a name by the prefix of any of its words, whatever the case and accents', async () => {
    for (const q of ['zoe alv', 'ZOÉ', 'alvarez', 'Ålv']) {
      const page = await search(q);
      assert.ok(
        page.items.some((m) => m.name.startsWith('Zoé Ålvarez')),
        `"${q}" finds Zoé Ålvarez`,
      );
    }
    const page = await search(`zoe ${TAG}`);
    assert.equal(page.items.length, 1, 'every word must match');
    assert.equal(page.total, 1);
    assert.notEqual(page.totalExact, false);
  });

  test('Arabic names match without the article and with hamza variants folded', async () => {
    assert.ok(
      (await search('حسيني')).items.some((m) => m.name.includes('الحسيني')),
      'without ال',
    );
    assert.ok(
      (await search('الحسي')).items.some((m) => m.name.includes('الحسيني')),
      'as written',
    );
  });

  test('names come before organisations and practices; a typo of four letters still finds the name', async () => {
    const page = await search('hydrolog');
    assert.ok(
      page.items.some((m) => m.name.startsWith('Zoé')),
      'found by practice',
    );
    const typo = await search('Quilon');
    assert.ok(
      typo.items.some((m) => m.name.startsWith('Zzyzx')),
      'typo matching fills a short result',
    );
    const short = await search('Qul');
    assert.ok(!short.items.some((m) => m.name.startsWith('Zzyzx')), 'no typo matching under four letters');
  });

  test('several words find the same members in any order, whichever word drives the search, and page without repeats', async () => {
    // The demo network's broad and narrow prefixes: the narrowest word drives the index read, the others
    // are checked per member, so the order of the words changes nothing but the ranking key.
    const ids = async (q: string) => {
      const seen: string[] = [];
      let cursor: string | null = '';
      do {
        const page: Awaited<ReturnType<typeof search>> = await search(q, `&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((m) => m.id));
        cursor = page.next;
      } while (cursor && seen.length < 200);
      assert.equal(new Set(seen).size, seen.length, `"${q}" pages without repeats`);
      return seen.sort();
    };
    for (const [one, other] of [
      ['a m', 'm a'],
      ['zoe alv', 'alv zoe'],
      [`zzyzx ${TAG}`, `${TAG} zzyzx`],
    ] as const) {
      const found = await ids(one);
      assert.deepEqual(await ids(other), found, `"${one}" and "${other}"`);
      assert.ok(found.length > 0, `"${one}" finds someone`);
    }
    assert.deepEqual(await ids('a zzzzq'), [], 'a broad word and a word nobody has: nobody');
    // The cursor carries the word that drove page 1, so page 2 follows the same order; a cursor issued
    // before it carried one (four values) still reads.
    const first = await search('a m', '&limit=5');
    assert.ok(first.next);
    const values = JSON.parse(Buffer.from(first.next, 'base64url').toString('utf8')) as unknown[];
    assert.equal(values.length, 5);
    assert.ok(['a', 'm'].includes(values[4] as string), 'the driving word is one of the words');
    const legacy = Buffer.from(JSON.stringify(values.slice(0, 4))).toString('base64url');
    const viaLegacy = await search('a m', `&limit=5&cursor=${legacy}`);
    assert.deepEqual(
      viaLegacy.items.map((m) => m.id),
      (await search('a m', `&limit=5&cursor=${first.next}`)).items.map((m) => m.id),
    );
  });

  test('pages follow each other without repeating anyone', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    do {
      const page: Awaited<ReturnType<typeof search>> = await search('a', `&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.next;
    } while (cursor && seen.length < 60);
    assert.equal(new Set(seen).size, seen.length);
  });

  test('opted-out members are never found, and a new member is found at once (the cache follows writes)', async () => {
    assert.equal(
      (await search(`Hidden Person`)).items.some((m) => m.id === f.optedOut),
      false,
    );
    const before = await search(`Newcomer ${TAG}`);
    assert.equal(before.items.length, 0);
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name) values ($1) returning id`, [`Newcomer ${TAG}`]);
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, rows[0]!.id]);
    const afterJoin = await search(`Newcomer ${TAG}`);
    assert.deepEqual(
      afterJoin.items.map((m) => m.id),
      [rows[0]!.id],
    );
    await ctx.db.query(`update members set directory_opt_out = true where id = $1`, [rows[0]!.id]);
    assert.equal((await search(`Newcomer ${TAG}`)).items.length, 0, 'opting out takes effect at once');
  });

  test('a search narrowed by country, organisation or language follows the member when one changes', async () => {
    // The filters are tested on the token rows' copies (migration 117): a stale copy would find the
    // member in the country they left.
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into members (name, organisation, country, languages) values ($1, 'Quarry Co', 'KE', '{sw}') returning id`,
      [`Quorra Filtered ${TAG}`],
    );
    const id = rows[0]!.id;
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, id]);
    const found = async (extra: string) => (await search(`Quorra Filtered ${TAG}`, extra)).items.map((m) => m.id);
    assert.deepEqual(await found('&country=KE'), [id]);
    assert.deepEqual(await found('&country=KE&organisation=Quarry%20Co'), [id]);
    await ctx.db.query(`update members set country = 'UG' where id = $1`, [id]);
    assert.deepEqual(await found('&country=KE'), [], 'not in the country they left');
    assert.deepEqual(await found('&country=UG'), [id]);
    await ctx.db.query(`update members set organisation = 'Other Co' where id = $1`, [id]);
    assert.deepEqual(await found('&organisation=Quarry%20Co'), []);
    assert.deepEqual(await found('&organisation=Other%20Co&country=UG'), [id]);
    assert.deepEqual(await found('&language=sw'), [id]);
    await ctx.db.query(`update members set languages = '{fr,en}' where id = $1`, [id]);
    assert.deepEqual(await found('&language=sw'), []);
    assert.deepEqual(await found('&language=fr&country=UG'), [id]);
    const { rows: stale } = await ctx.db.query(
      `select t.member_id from member_tokens t join members m on m.id = t.member_id
       where (t.country, t.organisation, t.languages) is distinct from (m.country, m.organisation, m.languages)`,
    );
    assert.deepEqual(stale, [], 'every token row carries its member’s country, organisation and languages');
  });

  test('a search finds the holders of the skills it names, after the members its words find, each once', async () => {
    // "harvest" names two skills (Rainwater harvesting, Outcome harvesting), "irrig" two more: a holder
    // of both is listed once. The expectation is read straight from members, tokens and member_skills.
    for (const [q, extra] of [
      ['harvest', ''],
      ['irrig', ''],
      ['harvest', '&country=KE'],
      ['irrig', '&language=fr'],
    ] as const) {
      const country = /country=(\w+)/.exec(extra)?.[1] ?? null;
      const language = /language=(\w+)/.exec(extra)?.[1] ?? null;
      const { rows } = await ctx.db.query<{ id: string; by_words: boolean }>(
        `select m.id, exists (select 1 from member_tokens t where t.member_id = m.id and t.token like $1 || '%') as by_words
         from members m
         where m.listed and ($2::text is null or m.country = $2) and ($3::text is null or $3 = any(m.languages))
           and (exists (select 1 from member_tokens t where t.member_id = m.id and t.token like $1 || '%')
             or exists (select 1 from member_skills ms join skills s on s.id = ms.skill_id where ms.member_id = m.id
                        and (s.labels::text || ' ' || array_to_string(s.synonyms, ' ')) ~* ('\\m' || $1)))
         order by m.name, m.id`,
        [q, country, language],
      );
      const throughSkills = rows.filter((row) => !row.by_words).map((row) => row.id);
      assert.ok(throughSkills.length > 0, `${q}${extra}: some members only through a skill`);
      const seen: string[] = [];
      let cursor: string | null = '';
      let total = -1;
      do {
        const page: Awaited<ReturnType<typeof search>> = await search(q, `${extra}&limit=6${cursor ? `&cursor=${cursor}` : ''}`);
        if (total < 0) total = page.totalExact === false ? -2 : page.total;
        seen.push(...page.items.map((m) => m.id));
        cursor = page.next;
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, `${q}${extra}: nobody twice`);
      assert.deepEqual([...seen].sort(), rows.map((row) => row.id).sort(), `${q}${extra}: the same members`);
      assert.deepEqual(seen.slice(-throughSkills.length), throughSkills, `${q}${extra}: skill holders last, by name`);
      assert.equal(total, rows.length, `${q}${extra}: the total`);
    }
  });

  test('a member found through a skill follows their skills, country and directory choice', async () => {
    // The holders are read from copies (migration 118): a stale copy would find the member through a
    // skill they dropped, or in the country they left.
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into members (name, country, languages) values ($1, 'KE', '{sw}') returning id`,
      [`Quenby Holder ${TAG}`],
    );
    const id = rows[0]!.id;
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, id]);
    const found = async (extra: string) => {
      const ids: string[] = [];
      let cursor: string | null = '';
      do {
        const page: Awaited<ReturnType<typeof search>> = await search('compost', `${extra}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        ids.push(...page.items.map((m) => m.id));
        cursor = page.next;
      } while (cursor);
      return ids.includes(id);
    };
    assert.equal(await found('&country=KE'), false, 'no skill yet');
    await ctx.db.query(`insert into member_skills (member_id, skill_id, level) select $1, id, 2 from skills where slug = 'composting'`, [
      id,
    ]);
    assert.equal(await found('&country=KE'), true, 'through the skill');
    assert.equal(await found('&country=KE&organisation=Nobody%20Co'), false);
    await ctx.db.query(`update members set country = 'UG' where id = $1`, [id]);
    assert.equal(await found('&country=KE'), false, 'not in the country they left');
    assert.equal(await found('&country=UG&language=sw'), true);
    await ctx.db.query(`update members set directory_opt_out = true where id = $1`, [id]);
    assert.equal(await found(''), false, 'out of the directory');
    await ctx.db.query(`update members set directory_opt_out = false where id = $1`, [id]);
    assert.equal(await found('&country=UG'), true, 'back in');
    await ctx.db.query(`delete from member_skills where member_id = $1`, [id]);
    assert.equal(await found('&country=UG'), false, 'the skill dropped');
    const { rows: stale } = await ctx.db.query(
      `(select ms.skill_id, m.id, m.name, m.listed, m.country, m.organisation, m.languages
        from member_skills ms join members m on m.id = ms.member_id where not m.directory_opt_out
        except select skill_id, member_id, name, listed, country, organisation, languages from directory_skill_holders)
       union all
       (select skill_id, member_id, name, listed, country, organisation, languages from directory_skill_holders
        except select ms.skill_id, m.id, m.name, m.listed, m.country, m.organisation, m.languages
        from member_skills ms join members m on m.id = ms.member_id where not m.directory_opt_out)`,
    );
    assert.deepEqual(
      stale,
      [],
      'every holding is copied once, with its member’s current name, listing, country, organisation and languages',
    );
  });

  test('a typo finds a member by a word of their name from the moment they join, and no longer once it changes', async () => {
    // Typos are looked up among the words of names (migration 119), kept current from the token rows.
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, country) values ($1, 'KE') returning id`, [
      `Xylomena Quarto ${TAG}`,
    ]);
    const id = rows[0]!.id;
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, id]);
    const found = async (q: string, extra = '') => (await search(q, extra)).items.some((m) => m.id === id);
    // pg_trgm's word similarity of each typo to "xylomena" is at least 0.6 (0.73 and 0.67).
    assert.equal(await found('xylomenna'), true, 'one letter doubled');
    assert.equal(await found('xylomema'), true, 'one letter changed');
    assert.equal(await found('xylomenna', '&country=KE'), true);
    assert.equal(await found('xylomema', '&country=UG'), false, 'the filters hold');
    await ctx.db.query(`update members set name = $2 where id = $1`, [id, `Yolanda Quarto ${TAG}`]);
    assert.equal(await found('xylomenna'), false, 'not by the word they dropped');
    assert.equal(await found('yollanda'), true, 'by their new one');
    const { rows: stale } = await ctx.db.query(
      `(select word, members from directory_words
        except select token, count(*)::int from member_tokens where kind = 0 group by token)
       union all
       (select token, count(*)::int from member_tokens where kind = 0 group by token
        except select word, members from directory_words)`,
    );
    assert.deepEqual(stale, [], 'the dictionary holds every name word once, with its count');
  });

  test('a sorted search reads the same members in the same order whether it walks the members or reads its matches first', async () => {
    // A narrow search reads its matches and sorts them; a broad one walks the members in sort order
    // (SORT_FROM_MATCHES_MAX). Every search here is narrow enough for the first; forcing each way in turn,
    // page after page, must list the same members.
    const pages = async (raw: Record<string, string>, sortFromMatchesMax: number) => {
      const ids: string[] = [];
      const totals: string[] = [];
      let cursor: string | undefined;
      do {
        const query = MemberQuery.parse({ ...raw, limit: '2', ...(cursor ? { cursor } : {}) });
        const page = await searchMembers(ctx.db, query, {
          viewer: { id: null, privateCommunities: [] },
          communityId: null,
          sortFromMatchesMax,
        });
        ids.push(...page.items.map((m) => m.id));
        totals.push(`${page.total}${page.totalExact ? '' : '+'}`);
        cursor = page.next ?? undefined;
      } while (cursor && ids.length < 40);
      return { ids, totals };
    };
    let compared = 0;
    for (const q of ['a', 'ma', 'zo', 'al', 'harvest', 'irrig', TAG])
      for (const sort of ['name', 'recent'])
        for (const filters of [{}, { country: 'KE' }, { language: 'ar' }] as Record<string, string>[]) {
          const raw = { q, sort, lang: 'en', ...filters };
          const walked = await pages(raw, -1);
          const read = await pages(raw, Number.MAX_SAFE_INTEGER);
          assert.deepEqual(read, walked, JSON.stringify(raw));
          compared += walked.ids.length;
        }
    assert.ok(compared > 100, `a real sample: ${compared}`);
  });

  test("a short prefix's total is its precomputed count, kept equal to a recount through every kind of write", async () => {
    const prefixTotal = async (q: string) => {
      const page = await search(q, '&limit=1');
      assert.equal(page.totalExact, true);
      return page.total;
    };
    const before = await prefixTotal('zzy');
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, organisation) values ($1, 'Zzyva Co') returning id`, [
      `Prefix Counter ${TAG}`,
    ]);
    const id = rows[0]!.id;
    assert.equal(await prefixTotal('zzy'), before, 'not listed before joining a public community');
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, id]);
    assert.equal(await prefixTotal('zzy'), before + 1, 'counted once although two of its words start with it');
    await ctx.db.query(`update members set name = $2 where id = $1`, [id, `Zzyzzy Counter ${TAG}`]);
    assert.equal(await prefixTotal('zzy'), before + 1);
    await ctx.db.query(`update members set organisation = 'Other' where id = $1`, [id]);
    assert.equal(await prefixTotal('zzy'), before + 1);
    await ctx.db.query(`update members set directory_opt_out = true where id = $1`, [id]);
    assert.equal(await prefixTotal('zzy'), before);
    const { rows: drift } = await ctx.db.query<{ prefix: string }>(
      `with recount as (
         select prefix, count(*)::int as members from (
           select distinct member_id, left(token, n) as prefix from member_tokens, generate_series(1, least(3, char_length(token))) n
           where listed) pairs group by prefix)
       (select prefix, members from directory_prefix_counts where members <> 0 except select prefix, members from recount)
       union all (select prefix, members from recount except select prefix, members from directory_prefix_counts)`,
    );
    assert.deepEqual(drift, [], 'the kept counts equal a recount');
  });

  test('a cached page is answered with the same bytes, ETag and gzip every time, and revalidates to 304', async () => {
    const path = '/api/v1/members?limit=24&facets=true';
    const first = await ctx.grove.app.request(path);
    const firstBody = await first.text();
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^W\/"[\w-]{16}"$/);
    const again = await ctx.grove.app.request(path);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), firstBody);
    const zipped = await ctx.grove.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('etag'), etag);
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), firstBody);
    const revalidated = await ctx.grove.app.request(path, { headers: { 'if-none-match': etag! } });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), '');
  });

  test('the facets endpoint counts every match; the listing counts match the precomputed totals', async () => {
    const result = await call(ctx.grove, `/api/v1/members/facets?q=${encodeURIComponent(`zoe ${TAG}`)}`);
    assert.equal(result.status, 200, result.text);
    const body = assertSchema(MemberFacetsPage, result.json);
    assert.deepEqual(
      body.facets.country.map((v) => [v.value, v.count]),
      [['SN', 1]],
    );
    assert.equal(body.exact, true);
    const all = await call(ctx.grove, `/api/v1/members?limit=1&facets=true`);
    const page = assertSchema(MemberPage, all.json);
    const { rows } = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from members m where not m.directory_opt_out and exists (
         select 1 from memberships f join communities c on c.id = f.community_id where f.member_id = m.id and c.visibility = 'public')`,
    );
    assert.equal(page.total, rows[0]!.n, 'the precomputed total is the live count');
    const senegal = page.facets!.country.find((v) => v.value === 'SN')!;
    const bySenegal = assertSchema(MemberPage, (await call(ctx.grove, `/api/v1/members?limit=1&country=SN`)).json);
    assert.equal(bySenegal.total, senegal.count, 'a facet count is the total its filter gives');
  });
});
