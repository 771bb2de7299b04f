-- The partners' feedback: every quarantined row (reject) and every flagged value (warning) with
-- where to find it in their own file. line is the physical line where the row starts (the header
-- is line 1; 0 for the whole file). code is the extracts module's ProblemCode name; reason is a
-- sentence that never quotes the offending value.
create table extract_reject (
  extract_id  uuid    not null references extract (id),
  file        text    not null,
  line        bigint  not null,
  field       text,
  code        text    not null,
  reason      text    not null
);

create index extract_reject_by_extract on extract_reject (extract_id, file, line);

create table extract_warning (
  extract_id  uuid    not null references extract (id),
  file        text    not null,
  line        bigint  not null,
  field       text,
  code        text    not null,
  reason      text    not null
);

create index extract_warning_by_extract on extract_warning (extract_id, file, line);
