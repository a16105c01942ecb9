-- Append-only, hash-chained audit trail (ADR 0011). The application only ever inserts into audit_entry.
-- entry_hash = SHA-256 over the entry's canonical fields and prev_hash; the first entry's prev_hash is 64 zeros.
-- "Who" is an account id (a pseudonymous key), never a name, so erasing a user's personal data never
-- has to touch the chain. In production, grant the application's database role INSERT and SELECT only.
create table audit_entry (
    seq         bigint        not null primary key,
    occurred_at timestamp(6) with time zone not null,
    actor_id    bigint,
    action      varchar(60)   not null,
    subject     varchar(200),
    ip          varchar(64),
    details     varchar(8000) not null,
    prev_hash   varchar(64)   not null,
    entry_hash  varchar(64)   not null unique
);

create index ix_audit_actor on audit_entry (actor_id);

-- The head of the chain: one row, locked (select … for update) by every append, so concurrent
-- transactions append one after the other and the chain never forks.
create table audit_head (
    id         integer     not null primary key,
    last_seq   bigint      not null,
    last_hash  varchar(64) not null
);

insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
