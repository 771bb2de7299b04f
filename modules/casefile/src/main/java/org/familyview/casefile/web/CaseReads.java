package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.CaseFlags;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyFilter;
import org.familyview.casefile.FeedCoverage;
import org.familyview.casefile.export.ChronologyPdf;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A read of a person's or a family's case, the same from either door (the API or the pages): the
 * gate's answer, then what the reader may see of the open case (how much it holds, its chronology
 * under the reader's roles, its PDF), each allowed read audited once it is known what it showed.
 * The doors only choose how to render the case or the refusal.
 */
@Component
class CaseReads {

  /** Which kind of case a path names. */
  enum Kind {
    PERSON("person", "persons"),
    FAMILY("family", "families");

    /** The subject type in the audit trail and the API's answers. */
    final String type;

    /** The path segment of the case's pages. */
    final String path;

    Kind(String type, String path) {
      this.type = type;
      this.path = path;
    }

    String href(String id) {
      return "/" + path + "/" + id;
    }
  }

  /**
   * The door a read came through, which the audit trail names: a page read is marked as one, the
   * API's is not.
   */
  enum Door {
    API("", "PDF; "),
    PAGE("page; ", "PDF from page; ");

    private final String read;
    private final String export;

    Door(String read, String export) {
      this.read = read;
      this.export = export;
    }
  }

  /** An open person or family: what either door needs of it, whichever it is. */
  sealed interface Case {

    /** The id as the reader asked for it. */
    String id();

    Kind kind();

    /** The case as {@link Casefiles} put it together, for the templates. */
    Object subject();

    /** Sources held on the case, per agency, for the feed coverage shown beside it. */
    Map<String, Integer> agencyCounts();

    /** How much a view of the case showed, for the audit trail. */
    String size();

    String exportTitle();

    record OfPerson(String id, Casefiles.PersonCase person) implements Case {
      @Override
      public Kind kind() {
        return Kind.PERSON;
      }

      @Override
      public Object subject() {
        return person;
      }

      @Override
      public Map<String, Integer> agencyCounts() {
        return person.recordsByAgency();
      }

      @Override
      public String size() {
        return person.records().size() + " records";
      }

      @Override
      public String exportTitle() {
        return "Chronology of " + person.name() + " (" + id + ")";
      }
    }

    record OfFamily(String id, Casefiles.FamilyCase family) implements Case {
      @Override
      public Kind kind() {
        return Kind.FAMILY;
      }

      @Override
      public Object subject() {
        return family;
      }

      @Override
      public Map<String, Integer> agencyCounts() {
        return family.agencyCounts();
      }

      @Override
      public String size() {
        return family.members().size() + " members";
      }

      @Override
      public String exportTitle() {
        return "Chronology of " + family.name() + " (" + id + ")";
      }
    }
  }

  private final CaseGate gate;
  private final Casefiles casefiles;
  private final FeedCoverage coverage;
  private final CaseFlags flags;
  private final Clock clock = Clock.systemUTC();

  CaseReads(
      CaseGate gate, Casefiles casefiles, FeedCoverage coverage, ObjectProvider<CaseFlags> flags) {
    this.gate = gate;
    this.casefiles = casefiles;
    this.coverage = coverage;
    this.flags = flags.getIfAvailable(() -> CaseFlags.NONE);
  }

  /** The flags of the open case's person, or of the family's members: a showing, audited. */
  List<CaseFlags.Flag> flags(Case opened, Authentication who, String where) {
    List<String> ids =
        switch (opened) {
          case Case.OfPerson person -> List.of(person.person().id());
          case Case.OfFamily family ->
              family.family().members().stream().map(m -> m.personId()).distinct().toList();
        };
    return flags.show(ids, who, CaseFlags.Showing.OPENED, where);
  }

  /**
   * Whom each flag of the open case is about, by name: the person, or each of the family's members
   * (a flag names its member, never by id; issue 18).
   */
  static Map<String, String> flagNames(Case opened) {
    return switch (opened) {
      case Case.OfPerson person -> Map.of(person.person().id(), person.person().name());
      case Case.OfFamily family -> family.family().names();
    };
  }

  /** The flags of the persons a search listed, by person: a showing, audited. */
  Map<String, List<CaseFlags.Flag>> listed(List<String> personIds, Authentication who) {
    return flags.show(personIds, who, CaseFlags.Showing.LISTED, "search results").stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                CaseFlags.Flag::personId,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()));
  }

  /** Asks the gate whether this reader may open the case for {@code action}. */
  CaseGate.Opened<Case> open(
      Kind kind, String id, AuditAction action, Authentication who, HttpServletRequest request) {
    return switch (kind) {
      case PERSON ->
          gate.person(id, action, who, request).map(person -> new Case.OfPerson(id, person));
      case FAMILY ->
          gate.family(id, action, who, request).map(family -> new Case.OfFamily(id, family));
    };
  }

  List<FeedCoverage.Feed> coverage(Case opened) {
    return coverage.of(opened.agencyCounts());
  }

  /** Audits a view of the case itself (not its chronology). */
  void viewed(CaseGate.Opened.Open<Case> open, Door door) {
    gate.allowed(open.audit(), door.read + open.value().size());
  }

  /**
   * The chronology this reader may see, audited. A filter that did not parse shows everything (the
   * page says what was wrong with it); the API refuses such a filter before opening the case.
   */
  Chronology chronology(
      CaseGate.Opened.Open<Case> open, Filters.Parsed filter, Authentication who, Door door) {
    ChronologyFilter applied = filter.errors().isEmpty() ? filter.filter() : ChronologyFilter.ALL;
    Chronology chronology = chronologyOf(open.value(), applied, who);
    gate.allowed(open.audit(), door.read + read(filter, chronology));
    return chronology;
  }

  /**
   * The chronology as a PDF, for either door, with the API's answers: an invalid filter, a refusal
   * and a retired id are problem details, whichever door asked.
   */
  ResponseEntity<?> export(
      Kind kind,
      String id,
      Filters.Parsed filter,
      Authentication who,
      HttpServletRequest request,
      Door door) {
    if (!filter.errors().isEmpty()) {
      return CaseProblems.badFilter(filter);
    }
    return switch (open(kind, id, AuditAction.EXPORT, who, request)) {
      case CaseGate.Opened.Open<Case> open -> {
        Chronology chronology = chronologyOf(open.value(), filter.filter(), who);
        byte[] pdf =
            ChronologyPdf.render(
                open.value().exportTitle(),
                open.value() instanceof Case.OfFamily f ? memberLines(f.family()) : List.of(),
                chronology,
                filter.filter(),
                coverage(open.value()),
                flags(open.value(), who, "chronology PDF"),
                flagNames(open.value()),
                CurrentUser.of(who).username(),
                clock.instant());
        gate.allowed(open.audit(), door.export + read(filter, chronology));
        yield pdf(pdf, "chronology-" + id + ".pdf");
      }
      case CaseGate.Opened.Moved<Case> moved -> CaseProblems.moved(moved);
      case CaseGate.Opened.Closed<Case> closed -> CaseProblems.closed(closed);
    };
  }

  private Chronology chronologyOf(Case opened, ChronologyFilter filter, Authentication who) {
    var roles = CurrentUser.of(who).roles();
    return switch (opened) {
      case Case.OfPerson person -> casefiles.chronologyOf(person.person(), filter, roles);
      case Case.OfFamily family -> casefiles.chronologyOf(family.family(), filter, roles);
    };
  }

  private static String read(Filters.Parsed filter, Chronology chronology) {
    return chronology.size() + " entries (" + filter.filter().describe() + ")";
  }

  private static ResponseEntity<?> pdf(byte[] pdf, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  /** "Jolene Tagg, parent or carer, born 2 Apr 1990" for the PDF's member list. */
  static List<String> memberLines(Casefiles.FamilyCase family) {
    return family.members().stream()
        .map(
            m ->
                m.name()
                    + ", "
                    + org.familyview.portal.web.Readable.UK.words(m.role())
                    + (m.dateOfBirth() == null
                        ? ""
                        : ", born " + org.familyview.portal.web.Readable.UK.date(m.dateOfBirth())))
        .toList();
  }
}
