-- A page key names a page and the page declares its community (issue 18, "page keys nobody can squat").
-- The same key may hold one thread per community, and a page finds its thread by key AND community, so a
-- thread someone opened for the key in another community never shows on the page nor takes its posts.
alter table threads drop constraint threads_page_key_key;
create unique index threads_page_key_community on threads (page_key, community_id);
