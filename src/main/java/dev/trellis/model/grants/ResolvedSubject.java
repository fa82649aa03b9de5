package dev.trellis.model.grants;

/** Who a valid binding's subject is in grants: subject string, User|ServiceAccount, home organization, path. */
public record ResolvedSubject(String subject, String subjectKind, String subjectOrganization, String via) {}
