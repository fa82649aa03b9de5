package dev.trellis.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A kubectl-style table: upper-case headers, columns three spaces apart, "<none>" for empty cells. */
public final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int width;

  public Table(String... headers) {
    this.width = headers.length;
    rows.add(headers);
  }

  public Table row(Object... cells) {
    String[] row = new String[width];
    for (int i = 0; i < width; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      row[i] = cell == null || cell.toString().isEmpty() ? "<none>" : cell.toString();
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.size() == 1;
  }

  public void print(PrintStream out) {
    int[] widths = new int[width];
    rows.forEach(r -> {
      for (int i = 0; i < width; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    });
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width; i++) {
        line.append(r[i]);
        if (i < width - 1) {
          line.append(" ".repeat(widths[i] - r[i].length() + 3));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
