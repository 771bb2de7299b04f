package org.familyview.ingest.load;

import java.util.List;
import java.util.UUID;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.Problem;
import org.jspecify.annotations.Nullable;

/** The staging tables' rows and the warnings that go with them, as COPY payloads. */
final class StagedRows {

  static final String PERSON_COLUMNS =
      "extract_id, line, record_id, given_name, middle_names, family_name, aliases, date_of_birth,"
          + " sex, address, postcode, nhs_number, upn, pnc_id, phone, email, household_id,"
          + " content_hash";

  static final String EVENT_COLUMNS =
      "extract_id, line, event_id, record_id, occurred_on, occurred_time, type, detail, role,"
          + " summary, sensitivity, content_hash";

  static final String WARNING_COLUMNS = "extract_id, file, line, field, code, reason";

  private StagedRows() {}

  static CopyRows persons() {
    return new CopyRows("extract_person_stage", PERSON_COLUMNS);
  }

  static CopyRows events() {
    return new CopyRows("extract_event_stage", EVENT_COLUMNS);
  }

  static CopyRows warnings() {
    return new CopyRows("extract_warning", WARNING_COLUMNS);
  }

  static void add(CopyRows rows, UUID extractId, PersonRecord p) {
    rows.value(extractId)
        .value(p.line())
        .value(p.recordId())
        .value(p.givenName())
        .value(p.middleNames())
        .value(p.familyName())
        .value(p.aliases().isEmpty() ? null : String.join(";", p.aliases()))
        .value(p.dateOfBirth())
        .value(name(p.sex()))
        .value(p.address())
        .value(p.postcode())
        .value(p.nhsNumber())
        .value(p.upn())
        .value(p.pncId())
        .value(p.phone())
        .value(p.email())
        .value(p.householdId())
        .value(p.contentHash())
        .endRow();
  }

  static void add(CopyRows rows, UUID extractId, EventRecord e) {
    rows.value(extractId)
        .value(e.line())
        .value(e.eventId())
        .value(e.recordId())
        .value(e.occurredOn())
        .value(e.occurredTime())
        .value(e.type().code())
        .value(e.detail())
        .value(name(e.role()))
        .value(e.summary())
        .value(e.sensitivity().name())
        .value(e.contentHash())
        .endRow();
  }

  static void add(CopyRows rows, UUID extractId, List<Problem> warnings) {
    for (Problem w : warnings) {
      rows.value(extractId)
          .value(w.file())
          .value(w.line())
          .value(w.field())
          .value(w.code().name())
          .value(w.reason())
          .endRow();
    }
  }

  private static @Nullable String name(@Nullable Enum<?> value) {
    return value == null ? null : value.name();
  }
}
