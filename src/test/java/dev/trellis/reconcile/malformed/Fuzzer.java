package dev.trellis.reconcile.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of well-formed objects (each kind's {@code base.yaml} in the corpus): a field deleted, its value
 * swapped for another type, emptied, made huge, filled with Unicode edge cases, pointed at another object (the
 * victim's, the healthy organization's, itself, another mutant's, or none), or an unknown field added. One seed
 * gives the same mutants every time; the placeholders' values (orgIds) do not change the choices.
 */
final class Fuzzer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A well-formed object to start from, and who writes it (null: the administrator). */
  record Base(String kind, ObjectNode object, String as) {}

  /** One mutated object, named {@code fuzz-<number>} (cluster-scoped: {@code corpus-fuzz-<number>}). */
  record Mutant(int number, String kind, List<String> mutations, ObjectNode object, String as) {
    @Override
    public String toString() {
      return "fuzz-" + number + " " + kind + ": " + String.join("; ", mutations);
    }
  }

  /**
   * Characters that have broken parsers, displays and comparisons: bidirectional overrides, zero-width joiners and
   * spaces, NUL and other controls, a byte-order mark, a non-character, a line separator, combining marks, an emoji
   * (a surrogate pair in Java), look-alikes of '@', '.', '/', 'a', 'e' and 'o', and a fullwidth digit.
   */
  private static final String[] TRICKY = {"\u202E", "\u202D", "\u2066", "\u200D", "\u200B", "\u0000", "\u0007",
      "\u001B[31m", "\uFEFF", "\uFFFF", "\u2028", "e\u0301", "\uD83E\uDD84", "\uFF20", "\u2024", "\u2215", "\u0430",
      "\u0435", "\u043E", "\uFF11", "\t", "\n", " ", "%00", "../", "${jndi:x}", "'\"", "\\"};

  /**
   * The operations below by number, weighted towards those that can pass the schema, so that a fair share of the
   * mutants reach the operator (one in five, from the corpus' bases; most fields have a pattern or an enum):
   * 0 delete, 1 type swap, 2 empty, 3 huge string, 4 list, 5 Unicode, 6 reference, 7 unknown field.
   */
  private static final int[] OPERATIONS = {0, 0, 0, 0, 1, 2, 2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7};

  private final Random random;
  private final List<String> references;

  /**
   * @param references names the fuzzer points references at: objects of the victim and of the healthy organization,
   *     a missing one, the placeholders' values
   */
  Fuzzer(long seed, List<String> references) {
    this.random = new Random(seed);
    this.references = references;
  }

  /** {@code count} mutants, taking the bases in turn. */
  List<Mutant> mutants(List<Base> bases, int count) {
    List<Mutant> mutants = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Base base = bases.get(n % bases.size());
      ObjectNode object = base.object().deepCopy();
      boolean cluster = "Organization".equals(base.kind()) || "AccessRole".equals(base.kind());
      String name = (cluster ? "corpus-fuzz-" : "fuzz-") + n;
      object.withObject("/metadata").put("name", name);
      List<String> mutations = new ArrayList<>();
      int times = 1 + random.nextInt(2);
      for (int i = 0; i < times; i++) {
        mutations.add(mutate(object, name, n));
      }
      mutants.add(new Mutant(n, base.kind(), List.copyOf(mutations), object, base.as()));
    }
    return mutants;
  }

  private String mutate(ObjectNode object, String name, int number) {
    List<List<Object>> paths = new ArrayList<>();
    collect(object.path("spec"), new ArrayList<>(List.of("spec")), paths);
    if (paths.isEmpty() || random.nextInt(20) == 0) {
      // Now and then the name itself: huge, or with a character no name may hold.
      String value = random.nextBoolean() ? "n".repeat(254 + random.nextInt(300_000)) : name + tricky();
      object.withObject("/metadata").put("name", value);
      return "metadata.name = " + abbreviate(value);
    }
    // Mostly a value (a name, a flag, a list item), sometimes a whole list or mapping.
    List<List<Object>> values = paths.stream().filter(p -> at(object, p).isValueNode()).toList();
    List<List<Object>> pool = values.isEmpty() || random.nextInt(5) == 0 ? paths : values;
    List<Object> path = pool.get(random.nextInt(pool.size()));
    JsonNode current = at(object, path);
    String where = abbreviate(String.join(".", path.stream().map(String::valueOf).toList()));
    switch (OPERATIONS[random.nextInt(OPERATIONS.length)]) {
      case 0 -> {
        remove(object, path);
        return "delete " + where;
      }
      case 1 -> {
        JsonNode other = otherType(current);
        set(object, path, other);
        return where + " = " + abbreviate(other.toString()) + " (type swap)";
      }
      case 2 -> {
        JsonNode empty = current.isArray() ? NODES.arrayNode() : current.isObject() ? NODES.objectNode()
            : NODES.textNode("");
        set(object, path, empty);
        return where + " emptied";
      }
      case 3 -> {
        int length = new int[] {129, 254, 257, 4_096, 300_000}[random.nextInt(5)];
        set(object, path, NODES.textNode("h".repeat(length)));
        return where + " = a string of " + length + " characters";
      }
      case 4 -> {
        int size = new int[] {0, 1, 257, 2_000}[random.nextInt(4)];
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
          list.add(size <= 1 ? references.get(random.nextInt(references.size())) : "fuzz-item-" + i);
        }
        set(object, path, list);
        return where + " = a list of " + size;
      }
      case 5 -> {
        String text = current.isTextual() && random.nextBoolean()
            ? insert(current.asText(), tricky()) : tricky() + tricky();
        set(object, path, NODES.textNode(text));
        return where + " = " + abbreviate(text);
      }
      case 6 -> {
        String target = switch (random.nextInt(4)) {
          case 0 -> name; // itself
          case 1 -> (name.startsWith("corpus-") ? "corpus-fuzz-" : "fuzz-")
              + Math.max(0, number - 1 - random.nextInt(11)); // an earlier mutant, maybe of another kind
          default -> references.get(random.nextInt(references.size()));
        };
        set(object, path, current.isArray() ? NODES.arrayNode().add(target) : NODES.textNode(target));
        return where + " -> " + abbreviate(target);
      }
      default -> {
        JsonNode parent = at(object, path.subList(0, path.size() - 1));
        ObjectNode into = current instanceof ObjectNode here ? here : parent instanceof ObjectNode up ? up : object;
        String field = new String[] {"fuzzed", "Parent", "spec", "namespace", "\u202Eadmin", ""}[random.nextInt(6)];
        into.put(field, random.nextBoolean() ? "victim-eu" : "true");
        return "unknown field \"" + abbreviate(field) + "\"";
      }
    }
  }

  /** Every node under {@code node}: objects and arrays, and the values in them. */
  private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
    if (node.isMissingNode()) {
      return;
    }
    paths.add(List.copyOf(path));
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(field -> {
        path.add(field);
        collect(node.get(field), path, paths);
        path.remove(path.size() - 1);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        collect(node.get(i), path, paths);
        path.remove(path.size() - 1);
      }
    }
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node;
  }

  private static void set(ObjectNode root, List<Object> path, JsonNode value) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ArrayNode array && last instanceof Integer i) {
      array.set(i, value);
    } else if (parent instanceof ObjectNode object) {
      object.set((String) last, value);
    }
  }

  private static void remove(ObjectNode root, List<Object> path) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ArrayNode array && last instanceof Integer i) {
      array.remove(i);
    } else if (parent instanceof ObjectNode object) {
      object.remove((String) last);
    }
  }

  private JsonNode otherType(JsonNode current) {
    List<JsonNode> candidates = new ArrayList<>(List.of(NODES.numberNode(42), NODES.numberNode(-1),
        NODES.numberNode(3.5), NODES.booleanNode(true), NODES.nullNode(), NODES.textNode("42"),
        NODES.arrayNode().add("victim-eu"), NODES.objectNode().put("name", "victim-eu")));
    candidates.removeIf(c -> c.getNodeType() == current.getNodeType());
    return candidates.get(random.nextInt(candidates.size()));
  }

  private String tricky() {
    return TRICKY[random.nextInt(TRICKY.length)];
  }

  private String insert(String text, String what) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    return text.substring(0, at) + what + text.substring(at);
  }

  /** Short, and in printable ASCII: test reports show it, and Unicode edge cases do not belong in a report. */
  private static String abbreviate(String text) {
    String shown = text.length() <= 60 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
    StringBuilder out = new StringBuilder();
    shown.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
        : String.format("\\u%04X", c)));
    return out.toString();
  }
}
