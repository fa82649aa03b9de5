package dev.trellis.api.v1alpha1;

/** Patterns and bounds of the CRD schemas; the bounds also keep the CEL rules within their cost budget. */
final class Validation {
  /** A Kubernetes object name (DNS-1123 subdomain): what every reference to another Trellis object holds. */
  static final String NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  /** {@link #NAME}, or "" where an empty reference means the organization root. */
  static final String NAME_OR_EMPTY = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$";
  /** A DNS-1123 label, such as a namespace name. */
  static final String LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  static final int NAME_MAX = 253;
  static final int LABEL_MAX = 63;

  /** A permission: {@code <area>.<verb>}, lower-case words joined by dashes, such as {@code alerts.manage}. */
  static final String PERMISSION = "^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*(-[a-z0-9]+)*$";
  static final int PERMISSION_MAX = 127;
  static final int PERMISSIONS_MAX = 256;

  /**
   * An orgId as an organization's status shows it (today its object's UID): letters, digits, dashes, dots and
   * underscores, so that a quote or a space pasted along with it is refused.
   */
  static final String ORG_ID = "^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";
  static final int ORG_ID_MAX = 128;

  /** Most members one partnership acceptance may list. */
  static final int PARTNER_MEMBERS_MAX = 256;

  /** Most projects or folders one object may be associated with. */
  static final int ASSOCIATIONS_MAX = 256;

  /** CEL: an e-mail address has one @, no spaces and a dot in its domain; "" counts as absent. */
  static final String EMAIL_RULE = "size(self) == 0 || self.matches('^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$')";
  static final int EMAIL_MAX = 254;
  /**
   * No control or format characters (NUL, zero-width, bidirectional overrides, byte-order mark): they make two
   * different subjects look alike in grants documents and tools.
   */
  static final String VISIBLE_RULE = "!self.matches('[\\\\p{Cc}\\\\p{Cf}]')";
  /** A DNS domain such as mrpaints.com: at least two labels, lower case. */
  static final String DOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$";
  static final int DOMAIN_MAX = 253;
  static final int DOMAINS_MAX = 64;
  /** A duration in days, hours, minutes and seconds, such as 14d, 36h or 1h30m; at least one part. */
  static final String DURATION = "^(([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?)$";

  static final int DISPLAY_NAME_MAX = 256;
  static final int DESCRIPTION_MAX = 1024;

  /** CEL: no item of the list appears twice. */
  static final String UNIQUE_ITEMS = "self.all(x, self.exists_one(y, y == x))";

  /** CEL transition rule: the value cannot change once the object exists. */
  static final String IMMUTABLE = "self == oldSelf";
  /** CEL transition rule on a boolean: once true, it stays true. */
  static final String ONE_WAY = "!oldSelf || self";

  private Validation() {}
}
