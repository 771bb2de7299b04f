/** The workbench's API (/api/review/**) and pages (/review/**), data stewards only. */
@NullMarked
package org.familyview.review.web;

import org.jspecify.annotations.NullMarked;
