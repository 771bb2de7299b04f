/** Reading the trail for auditors: filtered, newest first, paged. */
@NullMarked
package org.familyview.audit.read;

import org.jspecify.annotations.NullMarked;
