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
 * @param authority the local authority the actor worked for, where they are staff of one: what
 *     scopes an authority's audit reports (kept beside the entry, not in its MAC)
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
    @Nullable String source,
    @Nullable String authority) {

  public AuditEvent(
      String actor,
      Set<String> roles,
      AuditAction action,
      AuditOutcome outcome,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String purpose,
      @Nullable String detail,
      @Nullable String source) {
    this(actor, roles, action, outcome, targetType, targetId, purpose, detail, source, null);
  }

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    roles = Set.copyOf(new TreeSet<>(roles));
  }

  public static AuditEvent of(String actor, Set<String> roles, AuditAction action) {
    return new AuditEvent(
        actor, roles, action, AuditOutcome.ALLOWED, null, null, null, null, null, null);
  }

  public AuditEvent on(String type, String id) {
    return new AuditEvent(
        actor, roles, action, outcome, type, id, purpose, detail, source, authority);
  }

  public AuditEvent denied() {
    return new AuditEvent(
        actor,
        roles,
        action,
        AuditOutcome.DENIED,
        targetType,
        targetId,
        purpose,
        detail,
        source,
        authority);
  }

  public AuditEvent withPurpose(String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, value, detail, source, authority);
  }

  public AuditEvent withDetail(String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, purpose, value, source, authority);
  }

  public AuditEvent from(@Nullable String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, purpose, detail, value, authority);
  }

  /** The same event by a member of staff of {@code value} (null: of no authority). */
  public AuditEvent byStaffOf(@Nullable String value) {
    return new AuditEvent(
        actor, roles, action, outcome, targetType, targetId, purpose, detail, source, value);
  }
}
