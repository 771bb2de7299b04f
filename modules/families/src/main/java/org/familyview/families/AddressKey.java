package org.familyview.families;

import org.familyview.identifiers.AddressLine;
import org.jspecify.annotations.Nullable;

/**
 * The key that decides whether two records name the same address: the address line as the matcher
 * standardises it ({@link AddressLine}: lower case ASCII words, punctuation dropped, street words
 * abbreviated, so "12 Acacia Avenue, Halifax" and "12 ACACIA AVE HALIFAX" share a key). The
 * postcode is not part of the key: agencies drop, mistype and placeholder it (ZZ99 3VZ)
 * independently of the line.
 */
public final class AddressKey {

  private AddressKey() {}

  /** The key, or null when the address is missing, a placeholder or has no words. */
  public static @Nullable String of(@Nullable String address) {
    return AddressLine.standard(address);
  }
}
