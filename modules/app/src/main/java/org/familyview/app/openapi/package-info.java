/**
 * The OpenAPI document at {@code /v3/api-docs}: springdoc describes the controllers, and {@link
 * org.familyview.app.openapi.ApiDocument} adds what partners' developers need that the code does
 * not say: the extract contract's examples, the problem details, how to authenticate.
 */
@NullMarked
package org.familyview.app.openapi;

import org.jspecify.annotations.NullMarked;
