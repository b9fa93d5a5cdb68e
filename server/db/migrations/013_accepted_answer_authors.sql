-- Thread first page: each author's standing asks "has one of my answers been accepted on this topic?".
-- Through posts_author that read every post of a prolific author (thousands at x100) for every author on
-- the page. The accepted answer's author, stored on the thread, makes it an index probe.
alter table threads add column accepted_author_id bigint;

create function grove_thread_accepted_author() returns trigger
  language plpgsql as $$
begin
  new.accepted_author_id := (select author_id from posts where id = new.accepted_post_id);
  return new;
end $$;

create trigger threads_accepted_author before insert or update of accepted_post_id on threads
  for each row execute function grove_thread_accepted_author();

update threads t set accepted_author_id = p.author_id from posts p where p.id = t.accepted_post_id;
create index threads_accepted_author on threads (accepted_author_id) where accepted_author_id is not null;
