-- Running sums of each attempt's scored final reads (ADR 0028), so deciding an attempt after a read needs no reload of
-- all its reads. Kept in the transaction of each read; a missing row (an attempt from before V20, or a new one) is
-- computed from the stored scores on the attempt's next read, so no backfill here duplicates the scoring rules in SQL.
create table attempt_tally (
    attempt_id       bigint  not null primary key references module_attempt (id),
    true_positives   integer not null,
    false_negatives  integer not null,
    true_negatives   integer not null,
    false_positives  integer not null,
    lesions          integer not null,
    lesions_found    integer not null,
    non_lesion_marks integer not null,
    final_reads      integer not null
);
