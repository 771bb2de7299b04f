package org.familyview.generator;

import static org.familyview.extracts.SupportingFamiliesCriterion.CHILD_SAFETY;
import static org.familyview.extracts.SupportingFamiliesCriterion.CRIME;
import static org.familyview.extracts.SupportingFamiliesCriterion.DOMESTIC_ABUSE;
import static org.familyview.extracts.SupportingFamiliesCriterion.EDUCATION;
import static org.familyview.extracts.SupportingFamiliesCriterion.HEALTH;
import static org.familyview.extracts.SupportingFamiliesCriterion.HOUSING;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.familyview.extracts.EventRole;
import org.familyview.extracts.EventType;
import org.familyview.extracts.Sensitivity;
import org.familyview.extracts.SupportingFamiliesCriterion;
import org.familyview.extracts.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * Writes each family's history of events over the last few years: the ordinary contacts most
 * families have (A&amp;E, health visitors, moves of GP, the odd unauthorised absence), and for some
 * families the pattern of problems the Supporting Families programme looks for: domestic abuse,
 * school absence and exclusion, crime and anti-social behaviour, physical and mental health and
 * substance misuse, housing trouble, and children needing help or protection.
 */
final class EventPlanner {

  private final Vocabulary vocabulary = Vocabulary.standard();
  private final IdentifierIssuer issuer;
  private final LocalDate asOf;
  private final LocalDate since;
  private final double eventScale;
  private final double troubledRate;

  EventPlanner(
      IdentifierIssuer issuer,
      LocalDate asOf,
      int historyYears,
      double eventScale,
      double troubledRate) {
    this.issuer = issuer;
    this.asOf = asOf;
    this.since = asOf.minusYears(historyYears);
    this.eventScale = eventScale;
    this.troubledRate = troubledRate;
  }

  /** The problems a family has, chosen once; empty for most families. */
  Set<SupportingFamiliesCriterion> problems(Household home, SplittableRandom r) {
    Set<SupportingFamiliesCriterion> problems = EnumSet.noneOf(SupportingFamiliesCriterion.class);
    boolean children = !home.children().isEmpty();
    if (r.nextDouble() >= (children ? troubledRate : troubledRate / 3)) {
      return problems;
    }
    List<SupportingFamiliesCriterion> candidates = new ArrayList<>(List.of(CRIME, HEALTH, HOUSING));
    // Domestic abuse needs someone to abuse and someone abusing: a partner, present or past.
    if (home.stays.stream().filter(s -> s.role() == Household.Role.ADULT).count() >= 2) {
      candidates.add(DOMESTIC_ABUSE);
    }
    if (children) {
      candidates.add(CHILD_SAFETY);
      if (home.children().stream().anyMatch(c -> c.ageOn(asOf) >= 5)) {
        candidates.add(EDUCATION);
      }
    }
    int count = 2 + r.nextInt(Math.min(3, candidates.size() - 1));
    while (problems.size() < count) {
      problems.add(candidates.get(r.nextInt(candidates.size())));
    }
    return problems;
  }

  List<PlannedEvent> plan(FamilyGroup group, SplittableRandom r) {
    List<PlannedEvent> events = new ArrayList<>();
    for (Household home : group.households) {
      ordinary(home, events, r);
      Set<SupportingFamiliesCriterion> problems = problems(home, r);
      home.problems.addAll(problems);
      for (SupportingFamiliesCriterion problem : problems) {
        switch (problem) {
          case DOMESTIC_ABUSE -> domesticAbuse(group, home, events, r);
          case EDUCATION -> education(home, events, r);
          case CRIME -> crime(home, events, r);
          case HEALTH -> health(home, events, r);
          case HOUSING -> housing(home, events, r);
          case CHILD_SAFETY -> childSafety(home, events, r);
          default -> {}
        }
      }
    }
    return events;
  }

  private void ordinary(Household home, List<PlannedEvent> events, SplittableRandom r) {
    gpChanges(home, events, r);
    for (Member m : home.residents()) {
      int age = m.ageOn(asOf);
      if (age < 5) {
        int visits = scaled(3 + r.nextInt(6), r);
        for (int i = 0; i < visits; i++) {
          add(
              events,
              m,
              "health.health_visitor_contact",
              null,
              EventRole.SUBJECT,
              dateAfter(m.dateOfBirth, r),
              "Health visitor contact; development review",
              Sensitivity.STANDARD);
        }
      }
      repeat(events, m, "health.ae_attendance", 0.35, 2, "Attended A&E", r);
      repeat(events, m, "health.hospital_admission", 0.07, 1, "Admitted to hospital", r);
      if (age >= 5 && age < 17) {
        ordinaryAbsence(m, events, r);
      }
      if (age >= 12) {
        repeat(
            events,
            m,
            "police.crime",
            0.03,
            1,
            "Reported a crime, victim",
            "victim",
            EventRole.VICTIM,
            m.dateOfBirth.plusYears(12),
            r);
      }
    }
  }

  private void domesticAbuse(
      FamilyGroup group, Household home, List<PlannedEvent> events, SplittableRandom r) {
    List<Member> adults = adults(group, home);
    if (adults.isEmpty()) {
      return;
    }
    Member victim =
        adults.stream().filter(a -> a.sex.name().equals("F")).findFirst().orElse(adults.getFirst());
    Member perpetrator = adults.stream().filter(a -> a != victim).findFirst().orElse(null);
    int incidents = scaled(1 + r.nextInt(4), r);
    LocalDate first = null;
    for (int i = 0; i < incidents; i++) {
      LocalDate date = dateAfter(since, r);
      first = first == null || date.isBefore(first) ? date : first;
      String risk = r.nextDouble() < 0.5 ? "standard" : r.nextDouble() < 0.7 ? "medium" : "high";
      String summary =
          "Officers attended the address after a 999 call; victim said \"it has happened before\"."
              + "\nDASH completed, safeguarding advice given.";
      add(
          events,
          victim,
          "police.domestic_abuse_incident",
          risk,
          EventRole.VICTIM,
          date,
          summary,
          Sensitivity.SENSITIVE);
      if (perpetrator != null) {
        add(
            events,
            perpetrator,
            "police.domestic_abuse_incident",
            risk,
            EventRole.PERPETRATOR,
            date,
            summary,
            Sensitivity.SENSITIVE);
      }
      if (r.nextDouble() < 0.3) {
        add(
            events,
            victim,
            "health.ae_attendance",
            null,
            EventRole.SUBJECT,
            date.plusDays(1),
            "Attended A&E with injuries",
            Sensitivity.STANDARD);
      }
    }
    childrenPresent(home, first, events, r);
  }

  private void education(Household home, List<PlannedEvent> events, SplittableRandom r) {
    for (Member child : home.children()) {
      int age = child.ageOn(asOf);
      if (age < 5 || age > 16) {
        continue;
      }
      LocalDate schoolStart = child.dateOfBirth.plusYears(5);
      int spells = scaled(4 + r.nextInt(7), r);
      for (int i = 0; i < spells; i++) {
        add(
            events,
            child,
            "education.unauthorised_absence",
            Integer.toString(2 + r.nextInt(9)),
            EventRole.SUBJECT,
            dateAfter(schoolStart, r),
            "Unauthorised absence recorded",
            Sensitivity.STANDARD);
      }
      add(
          events,
          child,
          "education.persistent_absence",
          null,
          EventRole.SUBJECT,
          dateAfter(schoolStart, r),
          "Attendance below 90% this term",
          Sensitivity.STANDARD);
      if (r.nextDouble() < 0.3) {
        add(
            events,
            child,
            "education.suspension",
            null,
            EventRole.SUBJECT,
            dateAfter(schoolStart, r),
            "Suspended for 3 days, persistent disruptive behaviour",
            Sensitivity.STANDARD);
      }
      offRoll(child, schoolStart, events, r);
    }
  }

  private void crime(Household home, List<PlannedEvent> events, SplittableRandom r) {
    List<Member> candidates = home.residents().stream().filter(m -> m.ageOn(asOf) >= 12).toList();
    if (candidates.isEmpty()) {
      return;
    }
    Member offender = candidates.get(r.nextInt(candidates.size()));
    LocalDate adulthood = offender.dateOfBirth.plusYears(10);
    int crimes = scaled(1 + r.nextInt(3), r);
    for (int i = 0; i < crimes; i++) {
      LocalDate date = dateAfter(adulthood, r);
      String role = r.nextDouble() < 0.6 ? "offender" : "suspect";
      add(
          events,
          offender,
          "police.crime",
          role,
          EventRole.PERPETRATOR,
          date,
          "Crime recorded: theft from a shop",
          Sensitivity.STANDARD);
      if (r.nextDouble() < 0.6) {
        if (offender.pncId == null) {
          offender.pncId = issuer.nextPncId(date.getYear());
        }
        add(
            events,
            offender,
            "police.arrest",
            null,
            EventRole.SUBJECT,
            date.plusDays(1),
            "Arrested, released under investigation",
            Sensitivity.STANDARD);
      }
    }
    int asb = scaled(1 + r.nextInt(3), r);
    for (int i = 0; i < asb; i++) {
      LocalDate date = dateAfter(adulthood, r);
      add(
          events,
          offender,
          "police.asb_incident",
          null,
          EventRole.PERPETRATOR,
          date,
          "Group causing a nuisance, noise, alarm and distress",
          Sensitivity.STANDARD);
      if (r.nextBoolean()) {
        add(
            events,
            offender,
            "council.asb_complaint",
            null,
            EventRole.SUBJECT,
            date.plusDays(r.nextInt(14)),
            "Neighbour complaint, anti-social behaviour",
            Sensitivity.STANDARD);
      }
    }
  }

  private void health(Household home, List<PlannedEvent> events, SplittableRandom r) {
    List<Member> adults = home.adults();
    if (adults.isEmpty()) {
      return;
    }
    Member patient = adults.get(r.nextInt(adults.size()));
    int referrals = scaled(1 + r.nextInt(2), r);
    for (int i = 0; i < referrals; i++) {
      add(
          events,
          patient,
          "health.mental_health_referral",
          null,
          EventRole.SUBJECT,
          dateAfter(since, r),
          "Referred to the community mental health team",
          Sensitivity.SENSITIVE);
    }
    if (r.nextDouble() < 0.5) {
      int contacts = scaled(1 + r.nextInt(3), r);
      for (int i = 0; i < contacts; i++) {
        add(
            events,
            patient,
            "health.substance_misuse_contact",
            null,
            EventRole.SUBJECT,
            dateAfter(since, r),
            "Seen by the drug and alcohol service",
            Sensitivity.RESTRICTED);
      }
    }
    repeat(events, patient, "health.ae_attendance", 1.0, 3, "Attended A&E", r);
  }

  private void housing(Household home, List<PlannedEvent> events, SplittableRandom r) {
    List<Member> adults = home.adults();
    if (adults.isEmpty()) {
      return;
    }
    Member tenant = adults.getFirst();
    LocalDate arrears = dateAfter(since, r);
    int notices = scaled(1 + r.nextInt(3), r);
    for (int i = 0; i < notices; i++) {
      add(
          events,
          tenant,
          "council.rent_arrears",
          null,
          EventRole.SUBJECT,
          arrears.plusDays(30L * i),
          "Rent account in arrears, more than 8 weeks",
          Sensitivity.STANDARD);
    }
    LocalDate notice = arrears.plusDays(60 + r.nextInt(90));
    if (notice.isBefore(asOf)) {
      add(
          events,
          tenant,
          "council.notice_seeking_possession",
          null,
          EventRole.SUBJECT,
          notice,
          "Notice seeking possession served",
          Sensitivity.STANDARD);
      if (r.nextDouble() < 0.3 && notice.plusDays(120).isBefore(asOf)) {
        add(
            events,
            tenant,
            "council.eviction",
            null,
            EventRole.SUBJECT,
            notice.plusDays(120),
            "Evicted for rent arrears",
            Sensitivity.STANDARD);
      }
      if (r.nextDouble() < 0.5 && notice.plusDays(30).isBefore(asOf)) {
        for (Member m : home.residents()) {
          add(
              events,
              m,
              "council.homelessness_application",
              null,
              m == tenant ? EventRole.SUBJECT : EventRole.OTHER,
              notice.plusDays(30),
              "Homelessness application, household threatened with homelessness",
              Sensitivity.STANDARD);
        }
      }
    }
  }

  private void childSafety(Household home, List<PlannedEvent> events, SplittableRandom r) {
    for (Member child : home.children()) {
      LocalDate referral = dateAfter(child.dateOfBirth, r);
      if (referral.plusDays(60).isAfter(asOf)) {
        continue;
      }
      if (r.nextDouble() < 0.4) {
        add(
            events,
            child,
            "council.early_help_assessment",
            null,
            EventRole.SUBJECT,
            referral,
            "Early help assessment completed with the family",
            Sensitivity.STANDARD);
        continue;
      }
      add(
          events,
          child,
          "council.childrens_social_care_referral",
          null,
          EventRole.SUBJECT,
          referral,
          "Referral to children's social care: neglect concerns",
          Sensitivity.SENSITIVE);
      add(
          events,
          child,
          "council.assessment",
          null,
          EventRole.SUBJECT,
          referral.plusDays(20),
          "Single assessment completed",
          Sensitivity.SENSITIVE);
      needOrProtectionPlan(child, referral, events, r);
      if (child.ageOn(asOf) >= 12 && r.nextDouble() < 0.3) {
        add(
            events,
            child,
            "police.missing_person",
            null,
            EventRole.SUBJECT,
            dateAfter(child.dateOfBirth.plusYears(12), r),
            "Reported missing by parent, found the next day",
            Sensitivity.SENSITIVE);
      }
    }
  }

  /** Each move in the period brings a change of GP for everyone living there. */
  private void gpChanges(Household home, List<PlannedEvent> events, SplittableRandom r) {
    for (Residence residence : home.residences) {
      if (!residence.from().isBefore(since) && !residence.from().equals(home.formed)) {
        for (Member m : home.residents()) {
          add(
              events,
              m,
              "health.gp_registration_change",
              null,
              EventRole.SUBJECT,
              residence.from().plusDays(r.nextInt(60)),
              "Registered with a new GP practice",
              Sensitivity.STANDARD);
        }
      }
    }
  }

  private void ordinaryAbsence(Member m, List<PlannedEvent> events, SplittableRandom r) {
    // Around half of pupils in England have some unauthorised absence in a year, and about
    // one in five are persistently absent (DfE, pupil absence statistics 2022/23).
    int spells = r.nextDouble() < 0.5 ? scaled(1 + r.nextInt(6), r) : 0;
    for (int i = 0; i < spells; i++) {
      add(
          events,
          m,
          "education.unauthorised_absence",
          Integer.toString(1 + r.nextInt(4)),
          EventRole.SUBJECT,
          dateAfter(m.dateOfBirth.plusYears(5), r),
          "Unauthorised absence recorded",
          Sensitivity.STANDARD);
    }
    if (r.nextDouble() < 0.15) {
      add(
          events,
          m,
          "education.persistent_absence",
          null,
          EventRole.SUBJECT,
          dateAfter(m.dateOfBirth.plusYears(5), r),
          "Attendance below 90% this term",
          Sensitivity.STANDARD);
    }
  }

  /** Children born before the first incident were present at it, and are referred. */
  private void childrenPresent(
      Household home, @Nullable LocalDate first, List<PlannedEvent> events, SplittableRandom r) {
    for (Member child : home.children()) {
      if (first != null && child.dateOfBirth.isBefore(first)) {
        add(
            events,
            child,
            "police.child_concern",
            null,
            EventRole.WITNESS,
            first,
            "Child present at a domestic abuse incident",
            Sensitivity.SENSITIVE);
        add(
            events,
            child,
            "council.childrens_social_care_referral",
            null,
            EventRole.SUBJECT,
            first.plusDays(1 + r.nextInt(10)),
            "Referral from police: domestic abuse",
            Sensitivity.SENSITIVE);
      }
    }
  }

  /** Now and then a child leaves the roll: excluded, missing education or home educated. */
  private void offRoll(
      Member child, LocalDate schoolStart, List<PlannedEvent> events, SplittableRandom r) {
    if (r.nextDouble() < 0.05) {
      add(
          events,
          child,
          "education.permanent_exclusion",
          null,
          EventRole.SUBJECT,
          dateAfter(schoolStart, r),
          "Permanently excluded",
          Sensitivity.STANDARD);
    } else if (r.nextDouble() < 0.04) {
      add(
          events,
          child,
          "education.child_missing_education",
          null,
          EventRole.SUBJECT,
          dateAfter(schoolStart, r),
          "Not on a school roll, not known to be educated",
          Sensitivity.STANDARD);
    } else if (r.nextDouble() < 0.03) {
      add(
          events,
          child,
          "education.elective_home_education",
          null,
          EventRole.SUBJECT,
          dateAfter(schoolStart, r),
          "Parents elected to home educate",
          Sensitivity.STANDARD);
    }
  }

  /** After an assessment: a child in need plan, or a child protection plan that may have ended. */
  private void needOrProtectionPlan(
      Member child, LocalDate referral, List<PlannedEvent> events, SplittableRandom r) {
    if (r.nextDouble() < 0.6) {
      add(
          events,
          child,
          "council.child_in_need_plan",
          null,
          EventRole.SUBJECT,
          referral.plusDays(45),
          "Child in need plan agreed",
          Sensitivity.SENSITIVE);
    } else {
      add(
          events,
          child,
          "council.child_protection_plan_start",
          null,
          EventRole.SUBJECT,
          referral.plusDays(45),
          "Child protection plan, category neglect",
          Sensitivity.RESTRICTED);
      LocalDate end = referral.plusDays(45 + 180 + r.nextInt(300));
      if (end.isBefore(asOf)) {
        add(
            events,
            child,
            "council.child_protection_plan_end",
            null,
            EventRole.SUBJECT,
            end,
            "Child protection plan ended",
            Sensitivity.RESTRICTED);
      }
    }
  }

  private List<Member> adults(FamilyGroup group, Household home) {
    List<Member> adults = new ArrayList<>(home.adults());
    for (Household.Stay stay : home.stays) {
      if (stay.to() != null && stay.role() == Household.Role.ADULT) {
        adults.add(stay.member());
      }
    }
    return adults;
  }

  /** With the given chance, one to {@code most} (scaled) events in the person's lifetime. */
  private void repeat(
      List<PlannedEvent> events,
      Member m,
      String type,
      double chance,
      int most,
      String summary,
      SplittableRandom r) {
    repeat(events, m, type, chance, most, summary, null, EventRole.SUBJECT, m.dateOfBirth, r);
  }

  /** The same with a detail and a role, dated after {@code from}. */
  private void repeat(
      List<PlannedEvent> events,
      Member m,
      String type,
      double chance,
      int most,
      String summary,
      @Nullable String detail,
      EventRole role,
      LocalDate from,
      SplittableRandom r) {
    if (r.nextDouble() < chance) {
      int times = scaled(1 + r.nextInt(most), r);
      for (int i = 0; i < times; i++) {
        add(events, m, type, detail, role, dateAfter(from, r), summary, Sensitivity.STANDARD);
      }
    }
  }

  private void add(
      List<PlannedEvent> events,
      Member m,
      String type,
      String detail,
      EventRole role,
      LocalDate date,
      String summary,
      Sensitivity sensitivity) {
    if (date.isAfter(asOf) || date.isBefore(m.dateOfBirth)) {
      return;
    }
    EventType eventType =
        vocabulary.byCode(type).orElseThrow(() -> new IllegalStateException("no type " + type));
    events.add(new PlannedEvent(m, eventType, detail, role, date, summary, sensitivity));
  }

  /** A count multiplied by the event scale, rounding at random so fractions survive on average. */
  private int scaled(int count, SplittableRandom r) {
    double scaled = count * eventScale;
    int whole = (int) scaled;
    return whole + (r.nextDouble() < scaled - whole ? 1 : 0);
  }

  /** A day between the later of {@code earliest} and the start of history, and the as-of date. */
  private LocalDate dateAfter(LocalDate earliest, SplittableRandom r) {
    LocalDate from = earliest.isAfter(since) ? earliest : since;
    long span = asOf.toEpochDay() - from.toEpochDay();
    return span <= 0 ? asOf : LocalDate.ofEpochDay(from.toEpochDay() + r.nextLong(span + 1));
  }
}
