package dev.trellis.model.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantTreeTest {

  @Test
  void serviceProviderAboveTwoMspsAboveThreeClients() {
    TenantTree tree = TenantTree.of(Map.of(
        "sp", "", "msp-a", "sp", "msp-b", "sp", "client-1", "msp-a", "client-2", "msp-a", "client-3", "msp-b"));
    assertThat(tree.children("sp")).containsExactly("msp-a", "msp-b");
    assertThat(tree.children("msp-a")).containsExactly("client-1", "client-2");
    assertThat(tree.children("client-1")).isEmpty();
    assertThat(tree.lineage("client-3")).containsExactly("client-3", "msp-b", "sp");
    assertThat(Map.of("sp", 1, "msp-a", 1, "client-1", 1, "client-3", 1).keySet())
        .allSatisfy(o -> assertThat(tree.verdict(o).ready()).isTrue());
  }

  @Test
  void everyOrganizationOnACycleReportsItAndThoseBelowHaveAnInvalidAncestor() {
    TenantTree tree = TenantTree.of(Map.of("a", "b", "b", "a", "c", "a", "d", "c"));
    assertThat(tree.verdict("a").reason()).isEqualTo("CycleDetected");
    assertThat(tree.verdict("b").reason()).isEqualTo("CycleDetected");
    assertThat(tree.verdict("c").reason()).isEqualTo("AncestorInvalid");
    assertThat(tree.verdict("d").reason()).isEqualTo("AncestorInvalid");
  }

  @Test
  void missingParentAndTooDeep() {
    Map<String, String> parents = new HashMap<>(Map.of("orphan", "nobody", "below-orphan", "orphan"));
    parents.put("l1", "");
    for (int i = 2; i <= TenantTree.MAX_DEPTH + 1; i++) {
      parents.put("l" + i, "l" + (i - 1));
    }
    TenantTree tree = TenantTree.of(parents);
    assertThat(tree.verdict("orphan").reason()).isEqualTo("ParentNotFound");
    assertThat(tree.verdict("orphan").message()).contains("nobody");
    assertThat(tree.verdict("below-orphan").reason()).isEqualTo("AncestorInvalid");
    assertThat(tree.verdict("l" + TenantTree.MAX_DEPTH).ready()).isTrue();
    assertThat(tree.verdict("l" + (TenantTree.MAX_DEPTH + 1)).reason()).isEqualTo("DepthExceeded");
  }
}
