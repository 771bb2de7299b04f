package org.familyview.portal.audit;

import java.util.Arrays;
import java.util.Optional;

/** The unusual-access reports, by the name they have in URLs. */
enum Report {
  OUT_OF_CASELOAD("out-of-caseload", "Access outside a caseload"),
  MANY_VIEWS("many-views", "Many views in a short time"),
  SHARED_SURNAME_AND_POSTCODE(
      "shared-surname-and-postcode", "Staff viewing people who share their surname and postcode");

  private final String slug;
  private final String title;

  Report(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  static Optional<Report> fromSlug(String slug) {
    return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
  }
}
