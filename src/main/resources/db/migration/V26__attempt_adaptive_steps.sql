-- Adaptive modules (ADR 0036): every step of an adaptive attempt, so its decision can be replayed and explained. One
-- row per case the engine chose (with the estimate it was chosen at, filled in with the call's correctness once the
-- read is scored) and a last row for the stop (no case; the decision and why).
create table attempt_adaptive_step (
    attempt_id      bigint           not null references module_attempt (id),
    step_no         integer          not null,
    case_slug       varchar(200),
    case_version_id bigint,
    correct         boolean,
    theta           double precision not null,
    se              double precision not null,
    llr             double precision not null,
    information     double precision,
    chosen_reason   varchar(40)      not null,
    decision        varchar(10),
    primary key (attempt_id, step_no)
);
