package org.familyview.audit.trail;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One thing to record.
 *
 * @param actor the username from Keycloak
 * @param roles the actor's FamilyView roles at the time
 * @param targetType what was touched: {@code person}, {@code family}, {@code extract}, ...
 * @param purpose the stated purpose (break-glass, exports) where there is one
 * @param detail what else an auditor needs, e.g. the search query; never a whole record
 * @param source where the request came from (remote address)
 */
public record AuditEvent(
    String actor,
    Set<String> roles,
    AuditAction action,
    AuditOutcome outcome,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String purpose,
    @Nullable String detail,
    @Nullable String source) {

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    roles = Set.copyOf(new TreeSet<>(roles));
  }

  public static AuditEvent of(String actor, Set<String> roles, AuditAction action) {
    return new AuditEvent(actor, roles, action, AuditOutcome.ALLOWED, null, null, null, null, null);
  }

  public AuditEvent on(String type, String id) {
    return new AuditEvent(actor, roles, action, outcome, type, id, purpose, detail, source);
  }

  public AuditEvent denied() {
    return new AuditEvent(
        actor, roles, action, AuditOutcome.DENIED, targetType, targetId, purpose, detail, source);
  }

  public AuditEvent withPurpose(String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, value, detail, source);
  }

  public AuditEvent withDetail(String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, purpose, value, source);
  }

  public AuditEvent from(@Nullable String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, purpose, detail, value);
  }
}
