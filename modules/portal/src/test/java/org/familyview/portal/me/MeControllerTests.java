package org.familyview.portal.me;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice: the real security filter chains and the real claim mapping, with the token
 * decoding stubbed by spring-security-test. Real Keycloak tokens are exercised by the app module's
 * integration tests.
 */
@WebMvcTest(controllers = MeController.class)
@org.springframework.context.annotation.Import(
    org.familyview.portal.security.TestSecurityImports.class)
class MeControllerTests {

  @Autowired MockMvc mvc;

  @Test
  void answersWithTheUsersIdentityFromTheToken() throws Exception {
    mvc.perform(
            get("/api/me")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .claim("preferred_username", "police-upload")
                                    .claim("name", "Pat Upload")
                                    .claim("agency", "police")
                                    .claim(
                                        "realm_access",
                                        Map.of("roles", List.of("agency-uploader"))))
                        .authorities(new SimpleGrantedAuthority("ROLE_agency-uploader"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("police-upload"))
        .andExpect(jsonPath("$.roles[0]").value("agency-uploader"))
        .andExpect(jsonPath("$.agency").value("police"));
  }

  @Test
  void refusesAnAnonymousCallerWith401NotARedirect() throws Exception {
    mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
  }
}
