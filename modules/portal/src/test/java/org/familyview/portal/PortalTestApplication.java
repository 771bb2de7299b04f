package org.familyview.portal;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The portal is assembled by the app module; slice tests here need a configuration to anchor on.
 */
@SpringBootApplication
class PortalTestApplication {}
