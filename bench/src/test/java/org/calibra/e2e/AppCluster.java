package org.calibra.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.bench.load.Haproxy;
import org.calibra.bench.load.JarNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DICOMweb bench's second part: the same series served by the boot jar as production runs it — PostgreSQL, one blob
 * directory and one secrets key shared — first one node behind HAProxy, then two, in the same run as Orthanc. Each
 * connection is a browser of its own (signed in separately), so HAProxy's sticky sessions spread them over the nodes as
 * they spread residents.
 */
final class AppCluster {

    private AppCluster() {
    }

    /** The rows "1 node" and "2 nodes" of table (a), and the ratios against each other and against Orthanc's rows. */
    static String rows(Path cases, Path curricula, DicomWebBench.Result orthancInstances, DicomWebBench.Result orthancFrames) throws Exception {
        var out = new StringBuilder("### (a′) The boot jar on PostgreSQL behind HAProxy: one node, then two (each connection signed in "
                + "separately, so the balancer spreads them)\n\n| server | request | instances/s | MB/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--calibra.secrets.key=" + java.util.Base64.getEncoder().encodeToString(key), "--calibra.demo-users.enabled=true",
                    "--calibra.storage.blob-dir=" + Files.createTempDirectory("bench-dicomweb-blobs"), "--calibra.content.cases-dir=" + cases,
                    "--calibra.content.curricula-dir=" + curricula, "--logging.level.root=warn");
            try (JarNode node1 = JarNode.start("node1", "1g", withDataDir(args))) {
                node1.awaitReady(Duration.ofMinutes(10)); // alone first: it migrates and loads the content
                try (JarNode node2 = JarNode.start("node2", "1g", withDataDir(args))) {
                    node2.awaitReady(Duration.ofMinutes(10));
                    long version = new JdbcTemplate(pg.getPostgresDatabase()).queryForObject("select max(v.id) from case_version v "
                            + "join case_item c on c.id = v.case_id where c.slug = ?", Long.class, DicomWebBench.CASE_ID);
                    var results = new ArrayList<DicomWebBench.Result[]>();
                    for (List<JarNode> nodes : List.of(List.of(node1), List.of(node1, node2))) {
                        try (Haproxy haproxy = Haproxy.start(nodes)) {
                            String base = haproxy.base().toString();
                            var browsers = new ArrayList<HttpClient>();
                            for (int c = 0; c < DicomWebBench.CONNECTIONS; c++) {
                                browsers.add(DicomWebBench.login(base, "educator"));
                            }
                            var client = new DicomWebBench.LoadClient(browsers);
                            Map<Integer, String> served = DicomWebBench.servedInstances(browsers.getFirst(), base, version);
                            List<String> instances = served.values().stream().map(u -> base + u).toList();
                            var in = client.run(instances, "multipart/related; type=\"application/dicom\"");
                            var fr = client.run(instances.stream().map(u -> u + "/frames/1").toList(),
                                    "multipart/related; type=application/octet-stream; transfer-syntax=*");
                            String name = nodes.size() == 1 ? "app, 1 node" : "app, 2 nodes";
                            out.append(in.row(name, "instance (application/dicom)")).append(fr.row(name, "frame (octet-stream)"));
                            results.add(new DicomWebBench.Result[] {in, fr});
                        }
                    }
                    var one = results.get(0);
                    var two = results.get(1);
                    out.append(String.format("%nRatios (instances/s): two nodes / one node: instances %.2f×, frames %.2f×; one node / Orthanc: "
                                    + "instances %.2f×, frames %.2f×; two nodes / Orthanc: instances %.2f×, frames %.2f×.%n%n",
                            two[0].perSecond() / one[0].perSecond(), two[1].perSecond() / one[1].perSecond(),
                            one[0].perSecond() / orthancInstances.perSecond(), one[1].perSecond() / orthancFrames.perSecond(),
                            two[0].perSecond() / orthancInstances.perSecond(), two[1].perSecond() / orthancFrames.perSecond()));
                }
            }
        }
        return out.toString();
    }

    private static List<String> withDataDir(List<String> args) throws java.io.IOException {
        var all = new ArrayList<>(args);
        all.add("--calibra.data-dir=" + Files.createTempDirectory("bench-dicomweb-node"));
        return all;
    }
}
