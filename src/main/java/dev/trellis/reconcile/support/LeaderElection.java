package dev.trellis.reconcile.support;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.Unremovable;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Leader election among the operator's replicas, through a Lease in the operator's own namespace: only the leader
 * reconciles and writes; every replica keeps its caches warm and answers admission reviews, so that a hand-over costs
 * no cold start. On when {@code trellis.leader-election.enabled} is true (the Helm chart sets it); the extension asks
 * for this bean in the prod profile only, and a {@code null} leaves leader election off ({@code make run}, tests).
 */
public class LeaderElection {
  private static final Logger LOG = Logger.getLogger(LeaderElection.class);

  @Produces
  @Dependent
  @Unremovable // looked up by the extension at start, never injected
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "trellis.leader-election.enabled", defaultValue = "false") boolean enabled,
      @ConfigProperty(name = "trellis.leader-election.lease-name", defaultValue = "trellis-operator")
          String leaseName,
      @ConfigProperty(name = "trellis.operator.namespace", defaultValue = "trellis-system") String namespace,
      @ConfigProperty(name = "trellis.leader-election.lease-duration", defaultValue = "15s")
          Duration leaseDuration,
      @ConfigProperty(name = "trellis.leader-election.renew-deadline", defaultValue = "10s")
          Duration renewDeadline,
      @ConfigProperty(name = "trellis.leader-election.retry-period", defaultValue = "2s") Duration retryPeriod,
      @ConfigProperty(name = "trellis.leader-election.identity") Optional<String> identity) {
    if (!enabled) {
      return null;
    }
    String id = identity.orElseGet(LeaderElection::processIdentity);
    LOG.infof("Leader election on: Lease %s/%s as %s (lease %s, renew deadline %s)", namespace, leaseName, id,
        leaseDuration, renewDeadline);
    // Losing the lease exits the process (the default): the kubelet restarts it as a follower with fresh caches.
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
        .withLeaseNamespace(namespace)
        .withIdentity(id)
        .withLeaseDuration(leaseDuration)
        .withRenewDeadline(renewDeadline)
        .withRetryPeriod(retryPeriod)
        .build();
  }

  /**
   * The pod's name (HOSTNAME in a pod) and a suffix unique to this process: a restarted container never mistakes
   * the lease its previous process held for its own.
   */
  static String processIdentity() {
    String host = Optional.ofNullable(System.getenv("POD_NAME"))
        .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
        .orElse("trellis");
    return host + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
