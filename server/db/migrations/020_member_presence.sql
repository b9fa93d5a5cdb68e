-- Members' presence: channel visibility for facilitators, and accounts a host's identity provider
-- provisions and deactivates over SCIM 2.0 (decision 0108).
--
-- * contact_channels.visibility gains 'facilitators': seen by the facilitators of the member's communities.
-- * members.user_name / external_id: SCIM userName (unique, case-insensitive as RFC 7643 §4.1.1 says
--   identity providers compare it) and the provider's own id for the person.
-- * members.deactivated_at: a deactivated account. Deactivating also sets directory_opt_out, so every read
--   path that already hides opted-out members (and the directory's read model, whose triggers follow
--   that column) hides the account at once; opt_out_before_deactivation keeps the member's own choice to
--   restore it on reactivation.

alter table contact_channels drop constraint contact_channels_visibility_check;
alter table contact_channels add constraint contact_channels_visibility_check
  check (visibility in ('public', 'members', 'facilitators', 'nobody'));

alter table members add column user_name text;
alter table members add column external_id text;
alter table members add column deactivated_at timestamptz;
alter table members add column opt_out_before_deactivation boolean;
create unique index members_user_name on members (lower(user_name)) where user_name is not null;
create unique index members_external_id on members (external_id) where external_id is not null;

-- When the identity provider last wrote the account (SCIM meta.lastModified), and when it removed it
-- (DELETE /scim/v2/Users/{id}: deactivated, personal data erased, posts kept as a former member's).
alter table members add column provisioned_at timestamptz;
alter table members add column removed_at timestamptz;

-- SCIM Groups are communities; the provider's own id for a group it created.
alter table communities add column external_id text;
create unique index communities_external_id on communities (external_id) where external_id is not null;
