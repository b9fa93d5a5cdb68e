-- SCIM lists accounts 1-based by `startIndex` (RFC 7644 §3.4.2.4), in id order, with their total. At 1.2
-- million members both read the whole members heap (a count over a sequential scan, 550 ms; the last page
-- through the primary key and the heap, 1,070 ms). Accounts that are not removed, by id, fit in a small
-- index that both read without the heap (server/members/provisioning.ts, `listUsers`).
create index members_not_removed on members (id) where removed_at is null;
