/**
 * Retention and individual rights: erasure past each feed's retention, cascading to links,
 * families, indices and exports; subject access exports.
 */
@NullMarked
package org.familyview.rights;

import org.jspecify.annotations.NullMarked;
