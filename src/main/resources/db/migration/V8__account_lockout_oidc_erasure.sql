-- Local-account lockout, the link to a Keycloak (OIDC) subject, the user's institution, and erasure.
alter table user_account add column failed_logins integer default 0 not null;
alter table user_account add column locked_until timestamp(6) with time zone;
alter table user_account add column oidc_subject varchar(255);
alter table user_account add column institution varchar(200);
alter table user_account add column erased_at timestamp(6) with time zone;
create unique index uq_user_oidc_subject on user_account (oidc_subject);
