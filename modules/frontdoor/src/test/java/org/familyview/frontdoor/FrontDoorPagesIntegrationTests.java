package org.familyview.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The front door's pages through the browser security chain (session, CSRF) against the real
 * PostgreSQL: the practitioner records a contact, the police checker answers from their own records
 * only, the practitioner decides, and the board shows it. The Keycloak login is simulated.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  FrontDoorWorld world;

  @BeforeAll
  void seed() {
    world = new FrontDoorWorld(jdbc).build();
  }

  @Test
  void aContactGoesFromTheFormThroughTheChecksToTheDecisionAndTheBoard() throws Exception {
    var mash1 = user("mash1", "front-door", "council");
    assertThat(page("/front-door", mash1, 200)).contains("Record a contact");

    String contact = raise(mash1, "RED", "School reports bruising");
    assertThat(contact).startsWith("/front-door/contacts/");
    assertThat(page(contact, mash1, 200))
        .contains("School reports bruising", "RED", "police", "health", "council", "education")
        .contains("Record decision");

    var police = user("police-checker", "partner-checker", "police");
    assertThat(page("/front-door", police, 200)).contains("Checks for", "police", world.family);
    assertThat(page(contact, police, 200))
        .contains("Third call-out", "School reports bruising")
        .doesNotContain("Persistent absence")
        .doesNotContain("Record decision");
    MvcResult answered =
        mvc.perform(
                post(contact + "/checks/police")
                    .with(police)
                    .with(csrf())
                    .param("response", "Known: three incidents this year"))
            .andReturn();
    assertThat(answered.getResponse().getStatus()).isEqualTo(302);

    MvcResult decided =
        mvc.perform(
                post(contact + "/decision")
                    .with(mash1)
                    .with(csrf())
                    .param("outcome", "STRATEGY_DISCUSSION")
                    .param("reason", "Injury to a child with repeat domestic abuse"))
            .andReturn();
    assertThat(decided.getResponse().getStatus()).isEqualTo(302);
    assertThat(page(contact, mash1, 200))
        .contains("Strategy discussion (Children Act 1989 s47)")
        .contains("Known: three incidents this year");

    assertThat(page("/front-door/board", mash1, 200)).contains("Front-door board", "education");
  }

  @Test
  void aFormWithMistakesSaysWhatIsWrongAndOtherRolesAreRefused() throws Exception {
    var mash1 = user("mash1", "front-door", "council");
    MvcResult bad =
        mvc.perform(
                post("/front-door/contacts")
                    .with(mash1)
                    .with(csrf())
                    .param("subjectKind", "family")
                    .param("subjectId", "")
                    .param("source", "police")
                    .param("concern", ""))
            .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("There is a problem", "Enter the person or family id", "concern is required");

    var keyworker = user("keyworker1", "keyworker", "council");
    assertThat(page("/front-door/board", keyworker, 403)).contains("only the front door");
    assertThat(page("/front-door", keyworker, 403)).contains("only the front door");
  }

  @Test
  void anAnswerOrADecisionWithMistakesShowsTheContactAgainWithWhatIsWrong() throws Exception {
    var mash1 = user("mash1", "front-door", "council");
    String contact = raise(mash1, "AMBER", "Neighbour reports shouting at night");

    var police = user("police-checker", "partner-checker", "police");
    MvcResult noResponse =
        mvc.perform(
                post(contact + "/checks/police").with(police).with(csrf()).param("response", ""))
            .andReturn();
    assertThat(noResponse.getResponse().getStatus()).isEqualTo(400);
    assertThat(noResponse.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("response is required", "Neighbour reports shouting at night");

    MvcResult noReason =
        mvc.perform(
                post(contact + "/decision")
                    .with(mash1)
                    .with(csrf())
                    .param("outcome", "STRATEGY_DISCUSSION")
                    .param("reason", ""))
            .andReturn();
    assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
    assertThat(noReason.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("reason is required", "Neighbour reports shouting at night", "Record decision");

    MvcResult noContact =
        mvc.perform(
                post("/front-door/contacts/not-a-contact/checks/police")
                    .with(police)
                    .with(csrf())
                    .param("response", "Known"))
            .andReturn();
    assertThat(noContact.getResponse().getStatus()).isEqualTo(400);
    assertThat(noContact.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("no such contact");
  }

  /** A contact about the world's family from education, raised by the form; its page's path. */
  private String raise(OidcLoginRequestPostProcessor who, String rag, String concern)
      throws Exception {
    MvcResult raised =
        mvc.perform(
                post("/front-door/contacts")
                    .with(who)
                    .with(csrf())
                    .param("subjectKind", "family")
                    .param("subjectId", world.family)
                    .param("source", "education")
                    .param("rag", rag)
                    .param("concern", concern))
            .andReturn();
    assertThat(raised.getResponse().getStatus()).isEqualTo(302);
    return raised.getResponse().getRedirectedUrl();
  }

  private String page(String path, OidcLoginRequestPostProcessor who, int status) throws Exception {
    MvcResult result = mvc.perform(get(path).with(who)).andReturn();
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static OidcLoginRequestPostProcessor user(
      String username, String role, @Nullable String agency) {
    return oidcLogin()
        .idToken(
            token ->
                token
                    .claim("preferred_username", username)
                    .claim("name", username)
                    .claim("agency", agency))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }
}
