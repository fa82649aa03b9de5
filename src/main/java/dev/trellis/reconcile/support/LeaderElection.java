package dev.trellis.reconcile.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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
@Singleton
public class LeaderElection {
  private static final Logger LOG = Logger.getLogger(LeaderElection.class);
  private final KubernetesClient client;
  private volatile String identity;
  private volatile String leaseName;
  private volatile String leaseNamespace;

  public LeaderElection(KubernetesClient client) {
    this.client = client;
  }

  @Produces
  @Dependent
  @Unremovable // looked up by the extension at start, never injected
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "trellis.leader-election.enabled", defaultValue = "false") boolean enabled,
      @ConfigProperty(name = "trellis.leader-election.lease-name", defaultValue = "trellis-operator") String leaseName,
      @ConfigProperty(name = "trellis.operator.namespace", defaultValue = "trellis-system") String namespace,
      @ConfigProperty(name = "trellis.leader-election.lease-duration", defaultValue = "15s") Duration leaseDuration,
      @ConfigProperty(name = "trellis.leader-election.renew-deadline", defaultValue = "10s") Duration renewDeadline,
      @ConfigProperty(name = "trellis.leader-election.retry-period", defaultValue = "2s") Duration retryPeriod,
      @ConfigProperty(name = "trellis.leader-election.identity") Optional<String> identity,
      Sharding sharding) {
    if (!enabled) {
      return null;
    }
    leaseName = leaseName + sharding.suffix(); // each shard elects its own leader
    String id = identity.orElseGet(LeaderElection::processIdentity);
    this.identity = id;
    this.leaseName = leaseName;
    this.leaseNamespace = namespace;
    LOG.infof("Leader election on: Lease %s/%s as %s (lease %s, renew deadline %s)", namespace, leaseName, id,
        leaseDuration, renewDeadline);
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
        .withLeaseNamespace(namespace)
        .withIdentity(id)
        .withLeaseDuration(leaseDuration)
        .withRenewDeadline(renewDeadline)
        .withRetryPeriod(retryPeriod)
        .withLeaderCallbacks(new LeaderCallbacks(() -> {}, LeaderElection::lostLease, leader -> {}))
        .build();
  }

  /**
   * A leader that could not renew its Lease within the renew deadline (the API server unreachable, another process
   * holding it) has stopped leading, but JOSDK's production configuration keeps its controllers running: two
   * replicas would then write the same documents, the old one from caches that may be stale. So the process ends
   * at once, before the lease expires for the others; the kubelet restarts it as a follower. On a graceful stop
   * JOSDK reports the same event, and the process is already ending.
   */
  static void lostLease() {
    if (shuttingDown()) {
      return;
    }
    LOG.errorf("Lost the leader Lease: exiting so that only the leader writes (the kubelet restarts this replica)");
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(LOST_LEASE_EXIT_CODE);
  }

  /** Exit code of a replica that lost its Lease while running. */
  public static final int LOST_LEASE_EXIT_CODE = 3;

  /** True once the JVM has begun to shut down: it then refuses new shutdown hooks. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /**
   * On a graceful stop (a rolling upgrade, a deleted pod), after the operator has stopped reconciling: gives the
   * Lease up if this process holds it, so that a follower takes over within its retry period instead of waiting for
   * the lease to expire. JOSDK does not release it itself.
   */
  void release(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
    String id = identity;
    if (id == null) {
      return;
    }
    // The extension closes the operator's client when it stops, before this runs: a client of its own, same config.
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(this.client.getConfiguration()).build()) {
      var lease = client.leases().inNamespace(leaseNamespace).withName(leaseName).get();
      if (lease == null || lease.getSpec() == null || !id.equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setHolderIdentity("");
      lease.getSpec().setLeaseDurationSeconds(1);
      lease.getSpec().setRenewTime(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
      client.leases().inNamespace(leaseNamespace).resource(lease).update(); // optimistic: a newer holder wins
      LOG.infof("Released Lease %s/%s", leaseNamespace, leaseName);
    } catch (RuntimeException e) {
      LOG.warnf("Could not release Lease %s/%s (a follower takes over when it expires): %s", leaseNamespace,
          leaseName, e.getMessage());
    }
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
