package dev.trellis.reader;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to parsed JSON that refuses what the schema refuses; {@link IllegalArgumentException} names the spot. */
final class Fields {
  private Fields() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(where + " is not an object");
    }
    return (Map<String, Object>) value;
  }

  static List<?> list(Map<String, Object> o, String key, String where) {
    Object v = require(o, key, where);
    if (!(v instanceof List)) {
      throw new IllegalArgumentException(where + ": " + key + " is not an array");
    }
    return (List<?>) v;
  }

  static List<String> strings(Map<String, Object> o, String key, String where) {
    List<String> out = new ArrayList<>();
    for (Object v : list(o, key, where)) {
      if (!(v instanceof String)) {
        throw new IllegalArgumentException(where + ": " + key + " holds a non-string");
      }
      out.add((String) v);
    }
    return List.copyOf(out);
  }

  /** A key that must be present with a string value. */
  static String string(Map<String, Object> o, String key, String where) {
    Object v = require(o, key, where);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException(where + ": " + key + " is not a string");
    }
    return (String) v;
  }

  /** A key that must be present, with a string or null. */
  static String nullableString(Map<String, Object> o, String key, String where) {
    Object v = require(o, key, where);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(where + ": " + key + " is neither a string nor null");
    }
    return (String) v;
  }

  /** A key that may be absent or null. */
  static String optionalString(Map<String, Object> o, String key, String where) {
    Object v = o.get(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException(where + ": " + key + " is neither a string nor null");
    }
    return (String) v;
  }

  static Instant instant(String value, String where) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": " + value + " is not an ISO-8601 instant");
    }
  }

  /** Refuses keys outside {@code allowed}: an unknown field would not be part of the recomputed revision. */
  static void only(Map<String, Object> o, Set<String> allowed, String where) {
    for (String key : o.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown field \"" + key + "\"");
      }
    }
  }

  private static Object require(Map<String, Object> o, String key, String where) {
    if (!o.containsKey(key)) {
      throw new IllegalArgumentException(where + ": no \"" + key + "\"");
    }
    return o.get(key);
  }
}
