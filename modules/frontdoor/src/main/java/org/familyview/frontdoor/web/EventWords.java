package org.familyview.frontdoor.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.familyview.casefile.CasePartners;
import org.familyview.portal.web.Readable;
import org.jspecify.annotations.Nullable;

/**
 * A partner's event as a front-door worker reads it: the vocabulary's label ("Domestic abuse
 * incident", not {@code police.domestic_abuse_incident}) and a UK date. Evidence keeps its ISO date
 * as a string (it is stored with the contact as recorded), so it is read back here.
 */
public record EventWords(CasePartners partners) {

  /** The configured label; a code no vocabulary knows is still said in words. */
  public String type(String code) {
    String label = partners.label(code);
    if (!label.equals(code)) {
      return label;
    }
    int dot = code.indexOf('.');
    return Readable.UK.label(dot < 0 ? code : code.substring(dot + 1));
  }

  /** "3 Mar 2025" for an ISO date; anything else as it came, never hidden. */
  public String date(@Nullable Object day) {
    if (day == null) {
      return Readable.UK.date(null);
    }
    if (day instanceof LocalDate date) {
      return Readable.UK.date(date);
    }
    try {
      return Readable.UK.date(LocalDate.parse(day.toString()));
    } catch (DateTimeParseException e) {
      return day.toString();
    }
  }
}
