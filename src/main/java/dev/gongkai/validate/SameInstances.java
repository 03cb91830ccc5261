package dev.gongkai.validate;

import dev.gongkai.model.Catalogue;
import dev.gongkai.model.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue and the datasets of the last build of the same site in this process ({@code gongkai serve}), handed
 * back when this build's are equal to them. The record files' rows are kept as instances already (see
 * {@link RowsMemo}); with these kept too, a page whose values did not change shows the same instances as last build,
 * which is what lets it take last build's key without being digested again ({@code render.PageKeys}).
 *
 * <p>What callers must know: equal model values are interchangeable (they are immutable records), so handing back
 * the old instance changes nothing in the output. Comparing costs one pass over the catalogue and each dataset's rows
 * per build. One instance per site, used by one build at a time.
 */
public final class SameInstances {
  private Catalogue catalogue;
  private Map<String, Dataset> datasets = Map.of();

  /** A memo holding what this one holds, which the builds given it change without changing this one. */
  public SameInstances copy() {
    SameInstances c = new SameInstances();
    c.catalogue = catalogue;
    c.datasets = datasets;
    return c;
  }

  /** {@code c}, or the last build's catalogue when equal to it. */
  Catalogue catalogue(Catalogue c) {
    if (c.equals(catalogue)) return catalogue;
    catalogue = c;
    return c;
  }

  /** {@code ds}, each replaced by the last build's dataset of the same id when equal to it. */
  List<Dataset> datasets(List<Dataset> ds) {
    Map<String, Dataset> next = new HashMap<>();
    List<Dataset> out = new ArrayList<>(ds.size());
    for (Dataset d : ds) {
      Dataset last = datasets.get(d.id());
      Dataset kept = d.equals(last) ? last : d;
      out.add(kept);
      next.put(d.id(), kept);
    }
    datasets = next;
    return out;
  }
}
