package dev.gongkai.model;

import java.util.List;

/**
 * Everything the validated input says, withheld records included. Renderers never see this: they get
 * {@link PublishedSite} from {@link DisclosureGate}.
 *
 * @param records every record, in index number order ({@link DisclosureRecord#BY_INDEX_NO}), as validation gives
 *     them: the gate relies on that order rather than check it
 */
public record Site(
    SiteConfig config,
    Catalogue catalogue,
    List<DisclosureRecord> records,
    List<Dataset> datasets,
    List<Page> pages,
    List<Incident> incidents) {

  public Site {
    records = List.copyOf(records);
    datasets = List.copyOf(datasets);
    pages = List.copyOf(pages);
    incidents = List.copyOf(incidents);
  }
}
