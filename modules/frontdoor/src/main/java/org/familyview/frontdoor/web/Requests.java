package org.familyview.frontdoor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.FrontDoor;
import org.familyview.frontdoor.Outcome;
import org.familyview.frontdoor.Rag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's request bodies read field by field, so that each mistake is named: a parsed request, or
 * every problem found in it. The pages build the same requests from their forms.
 */
final class Requests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final int LONGEST_TEXT = 4000;

  private Requests() {}

  /** A request, or what is wrong with it. */
  sealed interface Parsed<T> {
    record Ok<T>(T value) implements Parsed<T> {}

    record Bad<T>(List<String> problems) implements Parsed<T> {}
  }

  record Answer(String response, @Nullable Boolean nothingKnown) {}

  record Decision(Outcome outcome, String reason) {}

  static @Nullable JsonNode json(@Nullable String body, List<String> problems) {
    if (body == null || body.isBlank()) {
      problems.add("the request needs a JSON body");
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        problems.add("the body must be a JSON object");
        return null;
      }
      return node;
    } catch (RuntimeException e) {
      problems.add("the body is not valid JSON");
      return null;
    }
  }

  static Parsed<FrontDoor.NewContact> contact(@Nullable String body) {
    List<String> problems = new ArrayList<>();
    JsonNode node = json(body, problems);
    if (node == null) {
      return new Parsed.Bad<>(problems);
    }
    Contact.Subject subject = subject(node.get("subject"), problems);
    String source = text(node, "source", problems, true);
    String concern = text(node, "concern", problems, true);
    Rag rag = null;
    JsonNode r = node.get("rag");
    if (r != null && !r.isNull()) {
      rag = rag(r.isString() ? r.asString() : r.toString(), problems);
    }
    return problems.isEmpty() && subject != null
        ? new Parsed.Ok<>(new FrontDoor.NewContact(subject, source, concern, rag))
        : new Parsed.Bad<>(problems);
  }

  static Contact.@Nullable Subject subject(@Nullable JsonNode node, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add("subject must be an object with personId or familyId");
      return null;
    }
    boolean person = node.hasNonNull("personId");
    boolean family = node.hasNonNull("familyId");
    if (person == family) {
      problems.add("subject must have exactly one of personId and familyId");
      return null;
    }
    String id = node.get(person ? "personId" : "familyId").asString("").strip();
    if (id.isEmpty()) {
      problems.add("subject." + (person ? "personId" : "familyId") + " must not be blank");
      return null;
    }
    return new Contact.Subject(
        person ? Contact.Subject.Kind.PERSON : Contact.Subject.Kind.FAMILY, id);
  }

  static @Nullable Rag rag(String value, List<String> problems) {
    try {
      return Rag.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("rag must be RED, AMBER or GREEN");
      return null;
    }
  }

  static Parsed<Answer> answer(@Nullable String body) {
    List<String> problems = new ArrayList<>();
    JsonNode node = json(body, problems);
    if (node == null) {
      return new Parsed.Bad<>(problems);
    }
    Boolean nothingKnown = null;
    JsonNode n = node.get("nothingKnown");
    if (n != null && !n.isNull()) {
      if (!n.isBoolean()) {
        problems.add("nothingKnown must be true or false");
      } else {
        nothingKnown = n.asBoolean();
      }
    }
    String response = text(node, "response", problems, !Boolean.TRUE.equals(nothingKnown));
    return problems.isEmpty()
        ? new Parsed.Ok<>(answer(response, nothingKnown))
        : new Parsed.Bad<>(problems);
  }

  static Answer answer(String response, @Nullable Boolean nothingKnown) {
    return new Answer(
        response.isBlank() && Boolean.TRUE.equals(nothingKnown) ? "Nothing known" : response,
        nothingKnown);
  }

  static Parsed<Decision> decision(@Nullable String body) {
    List<String> problems = new ArrayList<>();
    JsonNode node = json(body, problems);
    if (node == null) {
      return new Parsed.Bad<>(problems);
    }
    Outcome outcome = outcome(node.path("outcome").asString(""), problems);
    String reason = text(node, "reason", problems, true);
    return problems.isEmpty() && outcome != null
        ? new Parsed.Ok<>(new Decision(outcome, reason))
        : new Parsed.Bad<>(problems);
  }

  static @Nullable Outcome outcome(String value, List<String> problems) {
    try {
      return Outcome.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(
          "outcome must be one of "
              + String.join(", ", Arrays.stream(Outcome.values()).map(Enum::name).toList()));
      return null;
    }
  }

  /** A text field; blank allowed only when not required; at most {@link #LONGEST_TEXT}. */
  static String text(JsonNode node, String field, List<String> problems, boolean required) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull() && !value.isString()) {
      problems.add(field + " must be text");
      return "";
    }
    String text = value == null || value.isNull() ? "" : value.asString();
    return checked(field, text, problems, required);
  }

  static String checked(String field, String text, List<String> problems, boolean required) {
    if (required && text.isBlank()) {
      problems.add(field + " is required");
    } else if (text.length() > LONGEST_TEXT) {
      problems.add(field + " must be at most " + LONGEST_TEXT + " characters");
    }
    return text;
  }
}
