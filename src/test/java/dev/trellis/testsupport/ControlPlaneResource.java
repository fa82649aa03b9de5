package dev.trellis.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points every {@code @QuarkusTest} (and so the operator under test) at the shared real control plane, as the
 * operator's ServiceAccount.
 * Declared once here, it applies to all Quarkus tests, so the application and the control plane start
 * once per test run.
 */
@QuarkusTestResource(ControlPlaneResource.class)
public class ControlPlaneResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    ControlPlane controlPlane = ControlPlane.get();
    // fabric8's auto-configuration, which the Quarkus client starts from, reads this property. The operator under
    // test runs with the chart's ServiceAccount and ClusterRole, not as an administrator.
    System.setProperty("kubeconfig", controlPlane.operatorKubeconfig().toString());
    return Map.of();
  }

  @Override
  public void stop() {
    // The control plane outlives the application: it stops with the JVM.
  }
}
