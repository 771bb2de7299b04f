package org.familyview.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated document cannot know from the code: the contract's version and examples (a
 * persons file, an events file, the answers), and that every call takes a Keycloak bearer token.
 * The examples are the ones in docs/extract-contract.md, so a developer sees the same thing in
 * both.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

  static final String CONTRACT_VERSION = "2";
  private static final String BEARER = "keycloak";

  static final String PERSONS_EXAMPLE =
      """
      record_id,given_name,middle_names,family_name,aliases,date_of_birth,sex,address,postcode,\
      nhs_number,upn,pnc_id,phone,email,household_id
      HN-000123,Jade,,Carter,,2014-02-28,F,12 Mill Lane Northtown,NS1 4AB,9434765919,,,,,T-88
      """;

  static final String EVENTS_EXAMPLE =
      """
      event_id,record_id,occurred_at,type,detail,role,summary,sensitivity
      HE-1,HN-000123,2026-11-03,tenancy_start,,subject,,standard
      """;

  @Bean
  OpenAPI familyViewApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("FamilyView API")
                .version(CONTRACT_VERSION)
                .description(
                    "Partners deliver extracts to POST /api/extracts/{partner}, {partner} being"
                        + " an id GET /api/partners lists (extract contract version "
                        + CONTRACT_VERSION
                        + "; version 1's police, health, council and education are the partners"
                        + " of the default configuration). Every call takes a bearer token from"
                        + " FamilyView's Keycloak realm; an uploader account acts for its own"
                        + " partner only."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  @Bean
  OpenApiCustomizer extractContractExamples() {
    return api -> {
      PathItem upload =
          api.getPaths() == null ? null : api.getPaths().get("/api/extracts/{partner}");
      if (upload != null && upload.getPost() != null) {
        describeUpload(upload.getPost());
      }
      PathItem partners = api.getPaths() == null ? null : api.getPaths().get("/api/partners");
      if (partners != null && partners.getGet() != null) {
        describePartners(partners.getGet());
      }
    };
  }

  private static void describeUpload(Operation post) {
    post.summary("Deliver a partner's nightly extract")
        .description(
            "Multipart form: persons (persons.csv, required) and events (events.csv, optional),"
                + " UTF-8 CSV with a header row. Event types are the partner's kind's vocabulary"
                + " plus its own, with or without the kind prefix. Example persons.csv:\n\n"
                + PERSONS_EXAMPLE
                + "\nExample events.csv:\n\n"
                + EVENTS_EXAMPLE);
    ApiResponses responses = post.getResponses() == null ? new ApiResponses() : post.getResponses();
    responses.addApiResponse(
        "202",
        json(
            "Received and queued; poll the Location for its progress and rejects.",
            "queued",
            Map.of("extractId", "5f0c7a52-3f8e-4b8e-9b0e-2d6f1f0a8c11", "status", "QUEUED")));
    responses.addApiResponse(
        "404",
        problem(
            "No partner is configured with that id.",
            "unknownPartner",
            Map.of(
                "type",
                "about:blank",
                "title",
                "Unknown partner",
                "status",
                404,
                "detail",
                "There is no partner with that id. GET /api/partners lists the configured"
                    + " partners.")));
    responses.addApiResponse(
        "403",
        problem(
            "The account may not deliver for this partner.",
            "otherPartner",
            Map.of(
                "type", "about:blank",
                "title", "Forbidden",
                "status", 403,
                "detail", "an agency uploader may send and see only their own agency's extracts")));
    post.setResponses(responses);
  }

  private static void describePartners(Operation get) {
    get.summary("The configured partners")
        .description("Who may deliver extracts, of what kind, serving which authorities.");
    ApiResponses responses = get.getResponses() == null ? new ApiResponses() : get.getResponses();
    responses.addApiResponse(
        "200",
        json(
            "Every configured partner, in configuration order.",
            "twoAuthorities",
            java.util.List.of(
                Map.of(
                    "id", "police",
                    "name", "Shires Police",
                    "kind", "police",
                    "authorities", java.util.List.of("northshire", "southshire")),
                Map.of(
                    "id", "health-south",
                    "name", "Southshire NHS Trust",
                    "kind", "health",
                    "authorities", java.util.List.of("southshire")))));
    get.setResponses(responses);
  }

  private static ApiResponse json(String description, String name, Object example) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/json",
                    new MediaType().addExamples(name, new Example().value(example))));
  }

  private static ApiResponse problem(String description, String name, Object example) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().addExamples(name, new Example().value(example))));
  }
}
