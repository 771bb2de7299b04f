package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.familyview.extracts.PartnerId;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The uploader's pages through the browser security chain (CSRF on, session login) against the real
 * PostgreSQL. The Keycloak login itself is simulated; the rules after it are the real ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExtractPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Extracts extracts;
  @Autowired JdbcClient jdbc;

  @Test
  void anUploaderSendsAnExtractFromTheFormAndSeesItsRejects() throws Exception {
    String location =
        mvc.perform(
                multipart("/extracts")
                    .file(persons())
                    .param("agency", "police")
                    .with(csrf())
                    .with(uploader("police")))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/extracts/");
    UUID id = UUID.fromString(location.substring("/extracts/".length()));
    awaitFinished(id);

    String page =
        mvc.perform(get(location).with(uploader("police")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("Completed", "Rejected rows (<span>3</span>)", "record_id is missing");
  }

  @Test
  void theExtractPageLinksToARejectsDownloadThatWorksWithTheBrowserSession() throws Exception {
    UUID id = uploadAsThePolice();
    String page =
        mvc.perform(get("/extracts/" + id).with(uploader("police")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String link = "/extracts/" + id + "/rejects.csv";
    assertThat(page).contains("href=\"" + link + "\"").doesNotContain("/api/extracts/");

    var download =
        mvc.perform(get(link).with(uploader("police")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(download.getContentType()).startsWith("text/csv");
    assertThat(download.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"rejects-police-" + id + ".csv\"");
    String csv = download.getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().toList()).hasSize(4).first().isEqualTo("file,line,field,code,reason");
    assertThat(csv).contains("record_id is missing");
    assertThat(auditCount(id, "ALLOWED")).isEqualTo(1);

    mvc.perform(get(link).with(uploader("health"))).andExpect(status().isForbidden());
    assertThat(auditCount(id, "DENIED")).isEqualTo(1);
  }

  @Test
  void aHeldExtractShowsItsReasonAndFiguresToItsUploaderOnTheExtractsPages() throws Exception {
    UUID id = UUID.randomUUID();
    extracts.queue(
        id, PartnerId.COUNCIL, ExtractSource.UPLOAD, "council-upload", false, Instant.now());
    extracts.held(
        id,
        "persons.csv would retire 745 of the agency's 750 current records (99.3%), more than the"
            + " 10% allowed",
        745,
        750,
        Instant.now());
    try {
      String list =
          mvc.perform(get("/extracts").with(uploader("council")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(list).contains("Held", "would retire 745 of the agency&#39;s 750");

      String page =
          mvc.perform(get("/extracts/" + id).with(uploader("council")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(page)
          .contains("Held: nothing of this extract has been applied")
          .contains("<span id=\"held-would-retire\">745</span>")
          .contains("<span id=\"held-current\">750</span>")
          .doesNotContain("http-equiv=\"refresh\"");

      mvc.perform(get("/extracts/" + id).with(uploader("police")))
          .andExpect(status().isForbidden());
    } finally {
      jdbc.sql("delete from extract where id = ?").param(id).update();
    }
  }

  @Test
  void theFormIsRefusedWithoutItsCsrfToken() throws Exception {
    mvc.perform(
            multipart("/extracts")
                .file(persons())
                .param("agency", "police")
                .with(uploader("police")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aHealthUploaderCannotSendForThePoliceFromTheFormEither() throws Exception {
    mvc.perform(
            multipart("/extracts")
                .file(persons())
                .param("agency", "police")
                .with(csrf())
                .with(uploader("health")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theScorecardIsForTheAgencysOwnUploadersOnly() throws Exception {
    String page =
        mvc.perform(get("/extracts/scorecard/police").with(uploader("police")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Rejects by reason", "Identifier coverage", "Trend");

    mvc.perform(get("/extracts/scorecard/police").with(uploader("health")))
        .andExpect(status().isForbidden());
  }

  private UUID uploadAsThePolice() throws Exception {
    String location =
        mvc.perform(
                multipart("/extracts")
                    .file(persons())
                    .param("agency", "police")
                    .with(csrf())
                    .with(uploader("police")))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(location.substring("/extracts/".length()));
    awaitFinished(id);
    return id;
  }

  private long auditCount(UUID extract, String outcome) {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'EXPORT' and target_type = 'extract'"
                + " and target_id = ? and outcome = ?")
        .param(extract.toString())
        .param(outcome)
        .query(Long.class)
        .single();
  }

  private void awaitFinished(UUID id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!extracts.find(id).orElseThrow().finished()) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static MockMultipartFile persons() {
    return new MockMultipartFile(
        "persons",
        "persons.csv",
        "text/csv",
        ExtractFixtures.policePersons().getBytes(StandardCharsets.UTF_8));
  }

  private static OidcLoginRequestPostProcessor uploader(String agency) {
    return oidcLogin()
        .idToken(
            token ->
                token
                    .claim("preferred_username", agency + "-upload")
                    .claim("agency", agency)
                    .claim("name", "Test Uploader"))
        .authorities(new SimpleGrantedAuthority("ROLE_agency-uploader"));
  }
}
