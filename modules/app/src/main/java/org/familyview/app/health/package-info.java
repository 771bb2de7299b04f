/** Health of the services FamilyView cannot work without that Spring Boot does not check itself. */
@NullMarked
package org.familyview.app.health;

import org.jspecify.annotations.NullMarked;
