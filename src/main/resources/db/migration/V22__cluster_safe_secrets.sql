-- Secrets every node shares (ADR 0030): the credential signing keys and the de-identification secret move from files
-- under each node's data folder into the database, each value sealed (AES-256-GCM) under the key-encryption key from
-- the environment. Rows are only ever added: a name or key id is written once, by whichever node inserts it first.

-- named secrets: 'key-check' (proves the key-encryption key on start), 'deid-secret' (keys UID replacement)
create table installation_secret (
    name         varchar(100)  not null primary key,
    sealed_value varchar(4000) not null,
    created_at   timestamp(6) with time zone not null
);

-- every credential signing key ever used, private JWK sealed under 'signing-key:<key_id>'; never deleted
create table signing_key (
    key_id     varchar(100)   not null primary key,
    sealed_jwk varchar(20000) not null,
    added_at   timestamp(6) with time zone not null
);

-- which key signs: generation 1 is the first key, each rotation adds the next; the highest generation signs now.
-- The primary key makes two nodes' first start (or two rotations at once) settle on one row.
create table signing_key_generation (
    generation integer      not null primary key,
    key_id     varchar(100) not null references signing_key (key_id),
    started_at timestamp(6) with time zone not null
);
