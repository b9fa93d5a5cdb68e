-- Indexes measured at x100 (docs/decisions/0120-serving-scale.md):
-- a relevance branch reads one kind of word at a time; through (token, ...) it skipped every word of
-- the other kind in the range (62,000 entries for "mar").
create index member_tokens_kind_prefix on member_tokens (kind, token, name, member_id) include (listed);
-- The top 20 values of each facet without ranking all 32,500 communities.
create index directory_facet_counts_top on directory_facet_counts (facet, count desc, value);
