package dev.trellis.projection;

import java.util.List;

/**
 * A minimal JSON writer for canonical output: no whitespace, keys in the order written, strings escaped the
 * same way every time. Hand-written rather than Jackson so that the bytes (and thus the revision) cannot change
 * with a library's defaults.
 */
final class CanonicalJson {
  private final StringBuilder out = new StringBuilder();
  private boolean needComma;

  CanonicalJson beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  CanonicalJson endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  CanonicalJson beginArray(String key) {
    key(key);
    out.append('[');
    needComma = false;
    return this;
  }

  CanonicalJson endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  CanonicalJson field(String key, String value) {
    key(key);
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    needComma = true;
    return this;
  }

  CanonicalJson field(String key, List<String> values) {
    beginArray(key);
    for (String v : values) {
      comma();
      string(v);
      needComma = true;
    }
    return endArray();
  }

  /** Appends JSON that was rendered separately (an array element). */
  CanonicalJson raw(String json) {
    comma();
    out.append(json);
    needComma = true;
    return this;
  }

  /** A field whose value was rendered separately. */
  CanonicalJson raw(String key, String json) {
    key(key);
    out.append(json);
    needComma = true;
    return this;
  }

  /** The array of {@code values}, rendered alone. */
  static String array(List<String> values) {
    CanonicalJson j = new CanonicalJson();
    j.out.append('[');
    for (String v : values) {
      j.comma();
      j.string(v);
      j.needComma = true;
    }
    return j.out.append(']').toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void key(String key) {
    comma();
    string(key);
    out.append(':');
    needComma = false;
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    int clean = 0;
    while (clean < s.length() && s.charAt(clean) >= 0x20 && s.charAt(clean) != '"' && s.charAt(clean) != '\\') {
      clean++;
    }
    out.append(s, 0, clean); // most strings need no escaping: copied at once
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
