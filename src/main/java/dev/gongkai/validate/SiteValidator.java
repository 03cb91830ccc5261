package dev.gongkai.validate;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Inputs;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Site;
import dev.gongkai.model.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 2: interprets the loaded inputs, reporting every problem, and builds the {@link Site} model. Returns empty
 * when the config is unusable; otherwise the site, which the caller must not publish if errors were reported.
 */
public final class SiteValidator {
  private SiteValidator() {}

  public static Optional<Site> validate(Inputs in, Diagnostics diags) {
    return validate(in, diags, null);
  }

  /**
   * As {@link #validate(Inputs, Diagnostics)}, taking the rows of record files the loader left unread from
   * {@code memo} and remembering those of the files it read (see {@link RowsMemo}); null for none.
   */
  public static Optional<Site> validate(Inputs in, Diagnostics diags, RowsMemo memo) {
    return validate(in, diags, memo, null);
  }

  /**
   * As {@link #validate(Inputs, Diagnostics, RowsMemo)}, giving the site the last build's catalogue and datasets
   * where they are equal to this build's ({@link SameInstances}; null for none).
   */
  public static Optional<Site> validate(Inputs in, Diagnostics diags, RowsMemo memo, SameInstances same) {
    Optional<SiteConfig> config = SiteConfigValidator.validate(in.siteConfig(), diags);
    Catalogue catalogue = CatalogueValidator.validate(in.catalogue(), diags);
    if (same != null) catalogue = same.catalogue(catalogue);
    if (config.isEmpty()) {
      // Rows are not checked without a config; what reading the unread files reported is, as if they were read.
      if (memo != null) memo.replayReadsAndForget(in.recordFiles(), diags);
      return Optional.empty();
    }
    RecordValidator.Result records = RecordValidator.validate(in.recordFiles(), in.context(), in.tree(), config.get(),
        catalogue, diags, memo);
    List<Dataset> datasets = new ArrayList<>();
    for (Inputs.DatasetSource d : in.datasets()) DatasetValidator.validate(d, catalogue, diags).ifPresent(datasets::add);
    if (same != null) datasets = same.datasets(datasets);
    ContentValidator.Result content = ContentValidator.validate(in.content(), diags);
    for (Path doc : in.documents()) {
      if (!records.referencedFiles().contains(doc)) {
        String rel = in.tree().rel(doc);
        diags.report(Code.FILE_UNREFERENCED, Location.file(rel), "", rel);
      }
    }
    return Optional.of(new Site(config.get(), catalogue, records.records(), datasets, content.pages(),
        content.incidents()));
  }
}
