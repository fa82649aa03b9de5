package dev.trellis.reader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259): objects become {@link LinkedHashMap}s in document order, arrays
 * {@link List}s, numbers {@link BigDecimal}s. Duplicate keys, trailing commas, comments, unescaped control characters
 * and trailing content are refused, so that two readers cannot see two different documents in the same bytes.
 */
final class Json {
  private static final int MAX_DEPTH = 64;
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Parses {@code text}; {@link IllegalArgumentException} with the offset for anything that is not strict JSON. */
  static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no JSON text");
    }
    Json p = new Json(text);
    p.space();
    Object value = p.value(0);
    p.space();
    if (p.i != text.length()) {
      throw p.error("content after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    i++;
    Map<String, Object> out = new LinkedHashMap<>();
    space();
    if (peek() == '}') {
      i++;
      return Collections.unmodifiableMap(out);
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("expected a key");
      }
      int at = i;
      String key = string();
      space();
      expect(':');
      space();
      Object v = value(depth + 1);
      if (out.containsKey(key)) {
        i = at;
        throw error("duplicate key \"" + key + "\"");
      }
      out.put(key, v);
      space();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(out);
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    i++;
    List<Object> out = new ArrayList<>();
    space();
    if (peek() == ']') {
      i++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      space();
      out.add(value(depth + 1));
      space();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(out);
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    i++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        i--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("short \\u escape");
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) {
              i--;
              throw error("bad \\u escape");
            }
            code = code * 16 + d;
          }
          out.append((char) code);
        }
        default -> {
          i--;
          throw error("bad escape \\" + e);
        }
      }
    }
  }

  private BigDecimal number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    if (peek() == '0') {
      i++;
    } else if (peek() >= '1' && peek() <= '9') {
      digits();
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      i++;
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad number");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad number");
      }
      digits();
    }
    return new BigDecimal(s.substring(start, i));
  }

  private void digits() {
    while (peek() >= '0' && peek() <= '9') {
      i++;
    }
  }

  private Object literal(String word, Object value) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected word");
    }
    i += word.length();
    return value;
  }

  private void space() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (next() != c) {
      i--;
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + i);
  }
}
