-- Rate limits shared by every server instance on one PostgreSQL (docs/decisions/0120-serving-scale.md).
-- One token bucket per client key; instances lease a few tokens at a time (server/operations/rate-limits.ts),
-- so a client spreading requests over instances gets the same budget as on one, give or take a lease.
create unlogged table rate_limit_buckets (
  key        text primary key,
  tokens     double precision not null,
  granted    integer not null default 0,   -- what the last lease handed out (read back by RETURNING)
  updated_at timestamptz not null default now()
);
