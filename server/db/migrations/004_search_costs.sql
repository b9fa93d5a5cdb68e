-- pg_trgm declares its similarity operators as cheap (cost 1), so the planner prefers a sequential scan
-- computing word_similarity for every member over the trigram index, which made type-ahead search
-- take ~0.5 s at 12,000 members on PGlite. Declaring their real cost lets it choose the index.
-- Where the migration role does not own the extension (managed PostgreSQL), the hint is skipped.
do $$
begin
  alter function word_similarity_op(text, text) cost 200;
  alter function word_similarity_commutator_op(text, text) cost 200;
  alter function word_similarity(text, text) cost 200;
exception when insufficient_privilege then
  raise notice 'pg_trgm cost hints skipped: %', sqlerrm;
end $$;
