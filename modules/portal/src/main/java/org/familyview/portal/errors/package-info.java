/**
 * Every error the portal gives, in one voice: an RFC 9457 problem detail for API clients and a
 * GOV.UK-styled page for browsers, whether the error comes from a controller, from Spring Security,
 * from the servlet container's own request parsing, or from a database that is down.
 */
@NullMarked
package org.familyview.portal.errors;

import org.jspecify.annotations.NullMarked;
