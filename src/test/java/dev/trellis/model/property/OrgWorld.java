package dev.trellis.model.property;

import dev.trellis.api.v1alpha1.PartnershipPhase;
import dev.trellis.api.v1alpha1.ProductPackage;
import dev.trellis.model.snapshot.BindingNode;
import dev.trellis.model.snapshot.ConnectorNode;
import dev.trellis.model.snapshot.FolderNode;
import dev.trellis.model.snapshot.MemberNode;
import dev.trellis.model.snapshot.OrgSnapshot;
import dev.trellis.model.snapshot.OrganizationNode;
import dev.trellis.model.snapshot.PartnershipView;
import dev.trellis.model.snapshot.ProjectNode;
import dev.trellis.model.snapshot.ResourceNode;
import dev.trellis.model.snapshot.RoleNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One organization as the objects a cluster holds, each under its kind and name, in the order they were created;
 * and the snapshot the operator reads of them. A mutation writes or deletes one object, as one watch event says.
 * What the snapshot folds into one value is kept apart here, as it is in the cluster: a partnership's phase, the
 * partner's acceptance and the partner organization's members are three kinds of objects.
 */
final class OrgWorld {

  /** An object's identity; a partner member is named "organization/member". */
  record Key(String kind, String name) {
    @Override
    public String toString() {
      return kind + "/" + name;
    }
  }

  /** A partnership as its status gives it. */
  record Partnership(String name, PartnershipPhase phase, String partnerOrganization) {}

  /** The partner's acceptance of a partnership and the partner members it lists. */
  record Acceptance(String partnership, List<String> members) {
    Acceptance {
      members = List.copyOf(members);
    }
  }

  /** A member of a partner organization. */
  record PartnerMember(String organization, MemberNode member) {}

  static final String FOLDER = "Folder";
  static final String PROJECT = "Project";
  static final String RESOURCE = "Resource";
  static final String CONNECTOR = "Connector";
  static final String MEMBER = "Member";
  static final String ROLE = "Role";
  static final String BINDING = "Binding";
  static final String PARTNERSHIP = "Partnership";
  static final String ACCEPTANCE = "Acceptance";
  static final String PARTNER_MEMBER = "PartnerMember";
  /** The organization's effective packages: a Set of ProductPackage. */
  static final String PACKAGES = "Packages";
  /** The instant the operator resolves at. */
  static final String CLOCK = "Clock";

  static final Key PACKAGES_KEY = new Key(PACKAGES, "organization");
  static final Key CLOCK_KEY = new Key(CLOCK, "now");

  private final OrganizationNode organization;
  private final LinkedHashMap<Key, Object> objects;

  private OrgWorld(OrganizationNode organization, LinkedHashMap<Key, Object> objects) {
    this.organization = organization;
    this.objects = objects;
  }

  /** The objects a snapshot was built from, resolved at {@code now}. */
  static OrgWorld of(OrgSnapshot s, Instant now) {
    LinkedHashMap<Key, Object> o = new LinkedHashMap<>();
    o.put(CLOCK_KEY, now);
    o.put(PACKAGES_KEY, Set.copyOf(s.packages()));
    s.roles().forEach(x -> o.put(new Key(ROLE, x.name()), x));
    s.folders().forEach(x -> o.put(new Key(FOLDER, x.name()), x));
    s.projects().forEach(x -> o.put(new Key(PROJECT, x.name()), x));
    s.connectors().forEach(x -> o.put(new Key(CONNECTOR, x.name()), x));
    s.resources().forEach(x -> o.put(new Key(RESOURCE, x.name()), x));
    s.members().forEach(x -> o.put(new Key(MEMBER, x.name()), x));
    for (PartnershipView p : s.partnerships()) {
      o.put(new Key(PARTNERSHIP, p.name()), new Partnership(p.name(), p.phase(), p.partnerOrganization()));
      o.put(new Key(ACCEPTANCE, p.name()), new Acceptance(p.name(), p.listedMembers()));
      p.partnerMembers().forEach(m -> o.put(partnerMember(p.partnerOrganization(), m.name()),
          new PartnerMember(p.partnerOrganization(), m)));
    }
    s.bindings().forEach(x -> o.put(new Key(BINDING, x.name()), x));
    return new OrgWorld(s.organization(), o);
  }

  static Key partnerMember(String organization, String member) {
    return new Key(PARTNER_MEMBER, organization + "/" + member);
  }

  /** The world after {@code key} is written with {@code value}, or deleted when it is null. */
  OrgWorld with(Key key, Object value) {
    LinkedHashMap<Key, Object> o = new LinkedHashMap<>(objects);
    if (value == null) {
      o.remove(key);
    } else {
      o.put(key, value);
    }
    return new OrgWorld(organization, o);
  }

  /** The same objects, created in another order. */
  OrgWorld shuffled(Random rnd) {
    List<Key> keys = new ArrayList<>(objects.keySet());
    Collections.shuffle(keys, rnd);
    LinkedHashMap<Key, Object> o = new LinkedHashMap<>();
    keys.forEach(k -> o.put(k, objects.get(k)));
    return new OrgWorld(organization, o);
  }

  /** The objects regardless of their order. */
  Map<Key, Object> contents() {
    return new HashMap<>(objects);
  }

  OrganizationNode organization() {
    return organization;
  }

  Object get(Key key) {
    return objects.get(key);
  }

  Instant now() {
    return (Instant) objects.get(CLOCK_KEY);
  }

  @SuppressWarnings("unchecked")
  Set<ProductPackage> packages() {
    return (Set<ProductPackage>) objects.get(PACKAGES_KEY);
  }

  /** The objects of one kind, in creation order. */
  <T> List<T> all(String kind, Class<T> type) {
    List<T> out = new ArrayList<>();
    objects.forEach((k, v) -> {
      if (k.kind().equals(kind)) {
        out.add(type.cast(v));
      }
    });
    return out;
  }

  /** What the operator reads of these objects. */
  OrgSnapshot snapshot() {
    Map<String, Acceptance> acceptances = new HashMap<>();
    all(ACCEPTANCE, Acceptance.class).forEach(a -> acceptances.put(a.partnership(), a));
    List<PartnerMember> partnerMembers = all(PARTNER_MEMBER, PartnerMember.class);
    List<PartnershipView> views = all(PARTNERSHIP, Partnership.class).stream().map(p -> new PartnershipView(
        p.name(), p.phase(), p.partnerOrganization(),
        acceptances.containsKey(p.name()) ? acceptances.get(p.name()).members() : List.of(),
        partnerMembers.stream().filter(m -> m.organization().equals(p.partnerOrganization()))
            .map(PartnerMember::member).toList()))
        .toList();
    return new OrgSnapshot(organization, all(FOLDER, FolderNode.class), all(PROJECT, ProjectNode.class),
        all(RESOURCE, ResourceNode.class), all(CONNECTOR, ConnectorNode.class), all(MEMBER, MemberNode.class),
        all(ROLE, RoleNode.class), all(BINDING, BindingNode.class), views, packages());
  }
}
