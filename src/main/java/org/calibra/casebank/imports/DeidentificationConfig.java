package org.calibra.casebank.imports;

import java.nio.file.Path;
import java.util.Arrays;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.dicom.deid.InstallationSecret;
import org.calibra.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One de-identifier for the app, keyed by the installation's de-identification secret, the same on every node (ADR 0030). */
@Configuration
class DeidentificationConfig {

    private static final Logger log = LoggerFactory.getLogger(DeidentificationConfig.class);
    /** Its name in the secret store. */
    static final String DEID_SECRET = "deid-secret";

    @Bean
    Deidentifier deidentifier(SecretStore secrets, @Value("${calibra.data-dir}") Path dataDir) {
        return new Deidentifier(deidentificationSecret(secrets, dataDir));
    }

    @Bean
    BundleImporter bundleImporter(Deidentifier deidentifier) {
        return new BundleImporter(deidentifier);
    }

    /** Stored once for the installation: the legacy file's value when this node has one (UIDs stay the same), else new. */
    static byte[] deidentificationSecret(SecretStore secrets, Path dataDir) {
        var stored = secrets.find(DEID_SECRET);
        var legacy = InstallationSecret.readLegacy(dataDir);
        if (stored.isPresent()) {
            if (legacy.isPresent() && !Arrays.equals(legacy.get(), stored.get())) {
                log.warn("{} differs from the de-identification secret in the database; the database's is used (the file is no longer read)",
                        dataDir.resolve(InstallationSecret.FILE));
            }
            return stored.get();
        }
        if (legacy.isPresent()) {
            byte[] kept = secrets.insertOrReadBack(DEID_SECRET, legacy.get());
            if (Arrays.equals(kept, legacy.get())) {
                log.info("Imported the de-identification secret from {} into the database unchanged (de-identified UIDs stay the same); every "
                        + "node now reads it from there and the file is no longer used", dataDir.resolve(InstallationSecret.FILE));
            }
            return kept;
        }
        return secrets.insertOrReadBack(DEID_SECRET, InstallationSecret.generate());
    }
}
