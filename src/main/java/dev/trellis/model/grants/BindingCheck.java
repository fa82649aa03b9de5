package dev.trellis.model.grants;

import dev.trellis.model.snapshot.RoleNode;
import dev.trellis.model.verdict.Verdict;

/** A binding's verdict before reach is known, with the role and subject it resolved to when valid. */
record BindingCheck(Verdict verdict, RoleNode role, ResolvedSubject subject) {

  static BindingCheck invalid(Verdict v) {
    return new BindingCheck(v, null, null);
  }
}
