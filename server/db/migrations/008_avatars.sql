-- Avatars are served through the reference server (issue 18): viewers never contact a host a member
-- chose. The API gives every avatar as this path, versioned by a hash of the member's avatar URL, and
-- GET /api/v1/members/{id}/avatar fetches, checks and caches the image below.
create function grove_avatar_path(member_id bigint, source text) returns text
language sql immutable parallel safe as $$
  select case when source is null or source = '' then null
    else '/api/v1/members/' || member_id || '/avatar?v=' || left(encode(sha256(convert_to(source, 'UTF8')), 'hex'), 16) end
$$;

create table avatar_images (
  member_id    bigint primary key references members(id) on delete cascade,
  source_hash  text not null,          -- the `v` of grove_avatar_path when fetched
  content_type text,                   -- null when the fetch failed (then `error` says why)
  bytes        bytea,
  error        text,
  fetched_at   timestamptz not null default now()
);
