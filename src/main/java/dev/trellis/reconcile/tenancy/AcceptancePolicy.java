package dev.trellis.reconcile.tenancy;

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
   * Since when the policy has been in force: the later creation of the policy and of its newest denying binding.
   * An acceptance created before could have been created by anyone, so it does not count.
   */
  static Optional<Instant> inForceSince(Collection<ValidatingAdmissionPolicy> policies,
      Collection<ValidatingAdmissionPolicyBinding> bindings) {
    if (problem(policies, bindings).isPresent()) {
      return Optional.empty();
    }
    Instant policy = policies.stream().filter(p -> NAME.equals(p.getMetadata().getName()))
        .map(p -> SnapshotBuilder.created(p)).filter(java.util.Objects::nonNull).findFirst().orElse(Instant.MAX);
    Instant binding = bindings.stream().filter(AcceptancePolicy::denies)
        .map(b -> SnapshotBuilder.created(b)).filter(java.util.Objects::nonNull)
        .min(Instant::compareTo).orElse(Instant.MAX);
    return Optional.of(policy.isAfter(binding) ? policy : binding);
  }

  /** Empty when the policy is in force; otherwise what is wrong, as a sentence. */
  static Optional<String> problem(Collection<ValidatingAdmissionPolicy> policies,
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
        && spec.getMatchConstraints().getResourceRules().stream().anyMatch(r ->
            contains(r.getApiGroups(), "iam.trellis.dev") && contains(r.getResources(), "invitationacceptances")
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
