/** The Supporting Families criteria engine: versioned rules from configuration, evaluated over a family's linked events, each result explained. No framework. */
@NullMarked
package org.familyview.criteria;

import org.jspecify.annotations.NullMarked;
