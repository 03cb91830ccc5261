package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gongkai.model.Catalogue;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Example;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last build's catalogue and datasets come back for equal values, and only for them. */
class SameInstancesTest {
  @Test
  void equalValuesComeBackAsTheLastBuildsInstances() throws Exception {
    Site first = Example.site();
    Site second = Example.site(); // the sources read again: equal values, other instances
    assertNotSame(first.catalogue(), second.catalogue());
    SameInstances same = new SameInstances();
    assertSame(first.catalogue(), same.catalogue(first.catalogue()));
    assertSame(first.catalogue(), same.catalogue(second.catalogue()), "equal: the last build's");

    Catalogue fewer = new Catalogue(second.catalogue().domains().subList(0, 1));
    assertSame(fewer, same.catalogue(fewer), "another catalogue is this build's");
    Catalogue third = Example.site().catalogue();
    assertSame(third, same.catalogue(third), "the last build's was the other one: this build's");

    List<Dataset> datasets = same.datasets(first.datasets());
    assertEquals(first.datasets(), datasets);
    List<Dataset> again = new ArrayList<>(second.datasets());
    Dataset ds = again.get(0);
    List<List<String>> rows = new ArrayList<>(ds.rows());
    List<String> row = new ArrayList<>(rows.get(0));
    row.set(0, row.get(0) + "（改）");
    rows.set(0, row);
    Dataset changed = new Dataset(ds.id(), ds.title(), ds.itemCode(), ds.description(), ds.agency(), ds.published(),
        ds.disclosure(), ds.columns(), ds.primaryKey(), rows, ds.csvPath(), ds.charts());
    again.set(0, changed);
    List<Dataset> kept = same.datasets(again);
    assertSame(changed, kept.get(0), "an edited dataset is this build's");
    for (int i = 1; i < kept.size(); i++) assertSame(first.datasets().get(i), kept.get(i), "unchanged: the last build's");
  }
}
