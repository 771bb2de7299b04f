package org.familyview.matching.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.compare.DateOfBirthComparison;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * The input to clustering: scored links, must-links and cannot-links between record positions, and
 * each record's NHS number, UPN, PNC id and date of birth. A person never holds two different valid
 * identifiers of one kind, nor dates of birth that cannot both be right, so these keep clusters
 * apart too (unless a steward joined them).
 */
public final class LinkGraph {

  private final int records;
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private float[] weight = new float[1024];
  private String[] reason = new String[1024];
  private int size;

  /**
   * Cannot-links packed as (a, b) in one long each, with their reasons numbered, in chunks: at a
   * million records rules decide some 24 M of them, which as int[2] objects and a list of reasons
   * held 830 MB, and as a growing array would be copied whole at every doubling.
   */
  private static final int CANNOT_CHUNK_BITS = 16;

  private static final int CANNOT_CHUNK = 1 << CANNOT_CHUNK_BITS;

  private final List<long[]> cannot = new ArrayList<>();
  private final List<byte[]> cannotReasonCodes = new ArrayList<>();
  private final List<String> cannotReasons = new ArrayList<>();
  private final Map<String, Byte> cannotReasonCode = new HashMap<>();
  private int cannotCount;
  private final @Nullable String[] identity;

  /**
   * Each record's NHS number's hash with its lowest bit set, 0 for none: two records whose entries
   * differ and are not 0 have different NHS numbers, read from one int array rather than from two
   * strings scattered over the heap (24 M cannot-links at a million records ask).
   */
  private final int[] identityHash;

  private @Nullable String @Nullable [] upn;
  private @Nullable String @Nullable [] pncId;
  private int @Nullable [] birthDate;

  /** The reason of a must-link a data steward made; only such links override coherence checks. */
  public static final String STEWARD_SAME = "steward decision: the same person";

  public LinkGraph(int records) {
    this.records = records;
    this.identity = new String[records];
    this.identityHash = new int[records];
  }

  /** Sets the record's NHS number, UPN, PNC id and date of birth from its standardised form. */
  public void attributes(int record, StandardisedRecord r) {
    identity(record, r.nhsNumber());
    identifiers(record, r.upn(), r.pncId());
    birthDate(record, DateOfBirthComparison.code(r.dateOfBirth()));
  }

  /** The record's valid UPN and PNC id (null when it has none). */
  public void identifiers(int record, @Nullable String upnValue, @Nullable String pncValue) {
    if (upnValue != null) {
      if (upn == null) {
        upn = new String[records];
      }
      upn[record] = upnValue;
    }
    if (pncValue != null) {
      if (pncId == null) {
        pncId = new String[records];
      }
      pncId[record] = pncValue;
    }
  }

  private boolean[] birthTolerance = DateOfBirthComparison.defaultTolerance();

  /**
   * Which levels of the date-of-birth comparison one person's records may show (by default up to
   * "two of year, month and day equal"); see {@link DateOfBirthComparison#tolerance}.
   */
  public void birthDateTolerance(boolean[] tolerated) {
    this.birthTolerance = tolerated.clone();
  }

  boolean birthDatesCompatible(int a, int b) {
    return DateOfBirthComparison.compatible(birthDate(a), birthDate(b), birthTolerance);
  }

  /** The record's date of birth as yyyymmdd, or -1 when it is missing. */
  public void birthDate(int record, int yyyymmdd) {
    if (birthDate == null) {
      birthDate = new int[records];
      java.util.Arrays.fill(birthDate, -1);
    }
    birthDate[record] = yyyymmdd;
  }

  public int records() {
    return records;
  }

  /** A link earned by score; stronger links are clustered first. */
  public void link(int a, int b, double matchWeight, String why) {
    add(a, b, (float) matchWeight, why);
  }

  /** A link that must hold (a decisive rule or a steward's decision). */
  public void mustLink(int a, int b, String why) {
    add(a, b, Float.POSITIVE_INFINITY, why);
  }

  /**
   * A cannot-link between two records with different NHS numbers is not held: clustering refuses to
   * join groups with different NHS numbers before it looks at cannot-links, even for a steward's
   * must-link, so such an edge can never decide anything. At a million records "different valid NHS
   * numbers" is 24 M of the cannot-links (and twice as many ints in clustering's lists).
   */
  public void cannotLink(int a, int b, String why) {
    if (differentIdentity(a, b)) {
      return;
    }
    int at = cannotCount & (CANNOT_CHUNK - 1);
    if (at == 0) {
      cannot.add(new long[CANNOT_CHUNK]);
      cannotReasonCodes.add(new byte[CANNOT_CHUNK]);
    }
    int chunk = cannotCount >>> CANNOT_CHUNK_BITS;
    cannot.get(chunk)[at] = ((long) a << 32) | (b & 0xffffffffL);
    cannotReasonCodes.get(chunk)[at] = reasonCode(why);
    cannotCount = Math.addExact(cannotCount, 1);
  }

  /** Reasons are a handful of rule texts; more than a byte's worth would be a bug in the rules. */
  private byte reasonCode(String why) {
    Byte code = cannotReasonCode.get(why);
    if (code == null) {
      if (cannotReasons.size() > Byte.MAX_VALUE) {
        throw new IllegalStateException("more than 128 distinct cannot-link reasons");
      }
      code = (byte) cannotReasons.size();
      cannotReasons.add(why);
      cannotReasonCode.put(why, code);
    }
    return code;
  }

  private boolean differentIdentity(int a, int b) {
    int x = identityHash[a];
    int y = identityHash[b];
    if (x == 0 || y == 0) {
      return false;
    }
    return x != y || !java.util.Objects.equals(identity[a], identity[b]);
  }

  public void identity(int record, @Nullable String nhsNumber) {
    identity[record] = nhsNumber;
    identityHash[record] = nhsNumber == null ? 0 : nhsNumber.hashCode() | 1;
  }

  private void add(int a, int b, float w, String why) {
    if (size == left.length) {
      left = Arrays.copyOf(left, size * 2);
      right = Arrays.copyOf(right, size * 2);
      weight = Arrays.copyOf(weight, size * 2);
      reason = Arrays.copyOf(reason, size * 2);
    }
    left[size] = a;
    right[size] = b;
    weight[size] = w;
    reason[size] = why;
    size++;
  }

  int size() {
    return size;
  }

  int left(int edge) {
    return left[edge];
  }

  int right(int edge) {
    return right[edge];
  }

  float weight(int edge) {
    return weight[edge];
  }

  String reason(int edge) {
    return reason[edge];
  }

  int cannotLinkCount() {
    return cannotCount;
  }

  int cannotLeft(int i) {
    return (int) (cannot.get(i >>> CANNOT_CHUNK_BITS)[i & (CANNOT_CHUNK - 1)] >>> 32);
  }

  int cannotRight(int i) {
    return (int) cannot.get(i >>> CANNOT_CHUNK_BITS)[i & (CANNOT_CHUNK - 1)];
  }

  String cannotReason(int i) {
    return cannotReasons.get(
        cannotReasonCodes.get(i >>> CANNOT_CHUNK_BITS)[i & (CANNOT_CHUNK - 1)]);
  }

  @Nullable String identity(int record) {
    return identity[record];
  }

  @Nullable String upn(int record) {
    return upn == null ? null : upn[record];
  }

  @Nullable String pncId(int record) {
    return pncId == null ? null : pncId[record];
  }

  int birthDate(int record) {
    return birthDate == null ? -1 : birthDate[record];
  }

  boolean steward(int edge) {
    return STEWARD_SAME.equals(reason[edge]);
  }
}
