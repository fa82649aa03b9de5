package dev.trellis.reconcile.tenancy;

import dev.trellis.reconcile.conversion.SnapshotConversion;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether the API server enforces that only the invitee creates an InvitationAcceptance. Trellis cannot see who
 * created an object, so it relies on the admission policy {@value #NAME}; without it (not installed, changed, or
 * its binding missing or narrowed) anyone allowed to create acceptances could accept for someone else. Then no
 * acceptance counts: invited members stay Invited (fail closed) and acceptances say why.
 */
final class AcceptancePolicy {
  static final String NAME = "trellis-invitation-acceptance";
  /** The validation the policy must carry, as in config/admission/invitation-acceptance-policy.yaml. */
  static final String EXPRESSION = "has(object.spec) && has(object.spec.email) &&"
      + " object.spec.email.lowerAscii() == request.userInfo.username.lowerAscii()";

  private AcceptancePolicy() {}

  /**
   * Whether acceptances can be trusted: what is wrong while the policy is not in force, otherwise since when it
   * is (the later creation of the policy and of its oldest denying binding).
   */
  record State(Optional<String> problem, Instant since) {

    /**
     * Why an acceptance created at {@code created} cannot count, whatever it accepts; empty when it can. One
     * created before the policy came into force could have been created by anyone; creation times have whole
     * seconds, so one created in that same second does not count either (fail closed).
     */
    Optional<String> distrust(Instant created) {
      if (problem.isPresent()) {
        return Optional.of(problem.get() + "; until it is in force no acceptance counts, since anyone could create"
            + " one: install config/admission/ or the Helm chart.");
      }
      if (created == null || !created.isAfter(since)) {
        return Optional.of("It was not created after the admission policy " + NAME + " came into force (" + since
            + "), so anyone could have created it; the invitee accepts by creating a new one.");
      }
      return Optional.empty();
    }
  }

  static State state(Collection<ValidatingAdmissionPolicy> policies,
      Collection<ValidatingAdmissionPolicyBinding> bindings) {
    Optional<String> problem = problem(policies, bindings);
    if (problem.isPresent()) {
      return new State(problem, null);
    }
    Instant policy = policies.stream().filter(p -> NAME.equals(p.getMetadata().getName()))
        .map(SnapshotConversion::created).filter(java.util.Objects::nonNull).findFirst().orElse(Instant.MAX);
    Instant binding = bindings.stream().filter(AcceptancePolicy::denies)
        .map(SnapshotConversion::created).filter(java.util.Objects::nonNull)
        .min(Instant::compareTo).orElse(Instant.MAX);
    return new State(Optional.empty(), policy.isAfter(binding) ? policy : binding);
  }

  /** Empty when the policy is in force; otherwise what is wrong, as a sentence. */
  private static Optional<String> problem(Collection<ValidatingAdmissionPolicy> policies,
      Collection<ValidatingAdmissionPolicyBinding> bindings) {
    ValidatingAdmissionPolicy policy = policies.stream().filter(p -> NAME.equals(p.getMetadata().getName()))
        .findFirst().orElse(null);
    if (policy == null || policy.getMetadata().getDeletionTimestamp() != null) {
      return Optional.of("The admission policy " + NAME + " is not installed");
    }
    var spec = policy.getSpec();
    boolean checksEmail = spec != null && spec.getValidations() != null && spec.getValidations().stream()
        .anyMatch(v -> EXPRESSION.equals(normalize(v.getExpression())));
    boolean failsClosed = spec != null && (spec.getFailurePolicy() == null || "Fail".equals(spec.getFailurePolicy()));
    boolean matchesCreate = spec != null && spec.getMatchConstraints() != null
        && spec.getMatchConstraints().getResourceRules() != null
        && spec.getMatchConstraints().getResourceRules().stream()
            .anyMatch(r -> contains(r.getApiGroups(), "iam.trellis.dev")
                && contains(r.getResources(), "invitationacceptances")
                && contains(r.getOperations(), "CREATE"));
    if (!checksEmail || !failsClosed || !matchesCreate) {
      return Optional.of("The admission policy " + NAME + " differs from the one Trellis ships");
    }
    boolean bound = bindings.stream().anyMatch(AcceptancePolicy::denies);
    return bound ? Optional.empty()
        : Optional.of("No binding of the admission policy " + NAME + " denies for every namespace");
  }

  /** A binding of the policy that denies, everywhere. */
  private static boolean denies(ValidatingAdmissionPolicyBinding b) {
    return b.getMetadata().getDeletionTimestamp() == null
        && b.getSpec() != null && NAME.equals(b.getSpec().getPolicyName())
        && b.getSpec().getValidationActions() != null && b.getSpec().getValidationActions().contains("Deny")
        && everywhere(b.getSpec().getMatchResources());
  }

  /** A binding's resources narrow nothing: no selector with terms, no resource rules of its own. */
  private static boolean everywhere(io.fabric8.kubernetes.api.model.admissionregistration.v1.MatchResources m) {
    return m == null || (empty(m.getNamespaceSelector()) && empty(m.getObjectSelector())
        && (m.getResourceRules() == null || m.getResourceRules().isEmpty())
        && (m.getExcludeResourceRules() == null || m.getExcludeResourceRules().isEmpty()));
  }

  private static boolean empty(io.fabric8.kubernetes.api.model.LabelSelector s) {
    return s == null || ((s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
        && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()));
  }

  private static boolean contains(List<String> values, String value) {
    return values != null && (values.contains(value) || values.contains("*"));
  }

  private static String normalize(String expression) {
    return expression == null ? null : expression.trim().replaceAll("\\s+", " ");
  }
}
