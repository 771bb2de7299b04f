package org.familyview.families;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the sources disagree on, or what grouping refused to do, for a steward to look at. */
public sealed interface HouseholdConflict {

  /** The people concerned. */
  List<String> personIds();

  /** The records concerned. */
  List<SourceRef> records();

  /** Stable words that identify this conflict across runs, so it is raised once. */
  String dedupeKey();

  /**
   * One agency's record shows the person leaving an address or household on a day, while another
   * agency's record still lists them at that address.
   *
   * @param left the record that moved
   * @param leftOn the first day the moving record showed elsewhere (or in another household)
   * @param leftHousehold the household id the moving record had before, if any
   * @param nowHousehold the household id it has now, if any
   * @param stillListed the record that still places the person at the address
   * @param listedSince the first day that record placed them there; null: as far back as records go
   */
  record LeftButStillListed(
      String personId,
      SourceRef left,
      LocalDate leftOn,
      String addressKey,
      String address,
      @Nullable String leftHousehold,
      @Nullable String nowHousehold,
      boolean movedAddress,
      SourceRef stillListed,
      @Nullable LocalDate listedSince)
      implements HouseholdConflict {

    @Override
    public List<String> personIds() {
      return List.of(personId);
    }

    @Override
    public List<SourceRef> records() {
      return List.of(left, stillListed);
    }

    @Override
    public String dedupeKey() {
      return "household:left:" + left + ":" + leftOn + ":" + stillListed + ":" + addressKey;
    }
  }

  /** More unrelated adults at one address than a household has: co-residence there was not used. */
  record CommunalAddress(
      String addressKey,
      String address,
      int adults,
      List<String> personIds,
      List<SourceRef> records)
      implements HouseholdConflict {

    public CommunalAddress {
      personIds = List.copyOf(personIds);
      records = List.copyOf(records);
    }

    @Override
    public String dedupeKey() {
      return "household:communal:" + addressKey;
    }
  }

  /**
   * A group larger than a family: it was split back to the agencies' household ids and stated
   * parents, and co-residence between its people was not used.
   */
  record OversizedFamily(List<String> personIds, List<SourceRef> records)
      implements HouseholdConflict {

    public OversizedFamily {
      personIds = List.copyOf(personIds);
      records = List.copyOf(records);
    }

    @Override
    public String dedupeKey() {
      return "household:oversized:" + personIds.getFirst() + ":" + personIds.size();
    }
  }
}
