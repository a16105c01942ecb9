-- Named lock rows for work that exactly one application node may do at a time when several share this database
-- (ADR 0029). A node takes a lock by selecting its row FOR UPDATE inside the transaction that does the work: the
-- others wait at that select, and the database lets go at commit or rollback, or when a dead node's connection drops.
create table cluster_lock (
    name varchar(80) not null primary key
);

-- Loading cases/ and curricula/ at start-up: the first node loads, the others then find the content unchanged.
insert into cluster_lock (name) values ('content-load');
