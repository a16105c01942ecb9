package org.calibra.casebank.imports;

import java.nio.file.Path;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.dicom.deid.InstallationSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One de-identifier for the app, keyed by the installation secret in the data folder (made on first start). */
@Configuration
class DeidentificationConfig {

    @Bean
    Deidentifier deidentifier(@Value("${calibra.data-dir}") Path dataDir) {
        return new Deidentifier(InstallationSecret.loadOrCreate(dataDir));
    }

    @Bean
    BundleImporter bundleImporter(Deidentifier deidentifier) {
        return new BundleImporter(deidentifier);
    }
}
