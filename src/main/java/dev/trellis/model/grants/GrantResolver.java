package dev.trellis.model.grants;

import dev.trellis.model.packages.PackageGate;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.verdict.BindingVerdict;
import dev.trellis.model.verdict.Verdict;
import dev.trellis.model.verdict.Verdicts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes every connector's grants document and every object's verdict for one organization at an instant. */
public final class GrantResolver {

  private GrantResolver() {}

  /** The entry point: a pure function of the snapshot and {@code now}. */
  public static Resolution resolve(OrgSnapshot snapshot, Instant now) {
    OrgIndex idx = new OrgIndex(snapshot);
    Map<String, DocumentBuilder> docs = new TreeMap<>();
    idx.connectors.keySet().forEach(c -> docs.put(c, new DocumentBuilder(snapshot.organization(), c)));
    // A resource whose connector is missing is unusable: it belongs to no document.
    idx.resources.values().stream()
        .filter(r -> r.hasConnector() && docs.containsKey(r.connector()))
        .forEach(r -> docs.get(r.connector()).addResource(r, idx.hierarchy));

    ReachIndex reach = new ReachIndex(idx.points, idx.hierarchy);
    Map<String, BindingNode> bindings = new TreeMap<>();
    snapshot.bindings().forEach(b -> bindings.putIfAbsent(b.name(), b));
    Map<String, BindingVerdict> bindingVerdicts = new TreeMap<>();
    Instant nextExpiry = null;
    for (BindingNode b : bindings.values()) {
      BindingCheck check = BindingValidator.check(b, idx, now);
      if (!check.verdict().ready()) {
        bindingVerdicts.put(b.name(), new BindingVerdict(check.verdict(), false));
        continue;
      }
      // Rule 7: the organization's packages gate the role's permissions; a role left with none grants nothing.
      var notSubscribed = PackageGate.notSubscribed(check.role().permissions(), snapshot.packages());
      if (notSubscribed.isPresent()) {
        bindingVerdicts.put(b.name(), new BindingVerdict(notSubscribed.get(), false));
        continue;
      }
      int granted = grant(b, check, PackageGate.gate(check.role().permissions(), snapshot.packages()), idx, reach,
          docs);
      bindingVerdicts.put(b.name(), granted > 0
          ? new BindingVerdict(check.verdict(), true)
          : new BindingVerdict(Verdict.ok(check.verdict().message().replaceAll("\\.$", "")
              + ", but reaches no resource yet; associate resources and their connector with the scope."), false));
      if (granted > 0 && b.expiresAt() != null && (nextExpiry == null || b.expiresAt().isBefore(nextExpiry))) {
        nextExpiry = b.expiresAt();
      }
    }

    Map<String, GrantsDocument> documents = new TreeMap<>();
    docs.forEach((name, d) -> documents.put(name, d.build()));
    Verdicts verdicts = new Verdicts(idx.hierarchy.folderVerdicts(), idx.hierarchy.projectVerdicts(),
        idx.resourceVerdicts, idx.connectorVerdicts, idx.memberVerdicts, idx.roleVerdicts, bindingVerdicts);
    return new Resolution(documents, verdicts, nextExpiry);
  }

  /** Adds one valid binding's grants to every document it reaches; returns how many entries it touched. */
  private static int grant(BindingNode b, BindingCheck check, List<String> permissions, OrgIndex idx,
      ReachIndex reach, Map<String, DocumentBuilder> docs) {
    Grant grant = new Grant(check.role().name(), b.name(), check.subject().via(), b.scope().label(), b.expiresAt());
    Set<String> reached = reach.resources(b.scope());
    for (String name : reached) {
      ResourceNode r = idx.resources.get(name);
      docs.get(r.connector()).addGrant(r.name(), check.subject(), permissions, grant);
    }
    return reached.size();
  }
}
