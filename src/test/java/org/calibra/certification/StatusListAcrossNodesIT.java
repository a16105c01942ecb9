package org.calibra.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.internal.StatusLists;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A certificate revoked on another node — the rows that node's revocation commits, and no event in this JVM — is in
 * this node's next signed revocation list, which is then kept again until the next change (ADR 0029).
 */
@IntegrationTest
class StatusListAcrossNodesIT {

    @Autowired ApplicationContext context;
    @Autowired CertificateService certificates;
    @Autowired CredentialService credentials;
    @Autowired StatusLists statusLists;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_revocation_committed_by_another_node_is_in_this_nodes_next_list() throws Exception {
        TestAccounts.create(context, "status-holder", Role.RESIDENT);
        SignedIn.as("status-holder", "RESIDENT");
        var scenario = new ReadingScenario(context);
        scenario.cases().stream().limit(scenario.module().minimumCases()).forEach(scenario::readCorrectly);
        String publicId = certificates.mine().getFirst().publicId();
        SignedIn.clear();
        int index = jdbc.queryForObject("select status_index from certificate where public_id = ?", Integer.class, publicId);
        String list = "revocation-" + index / BitstringStatusList.SIZE;
        assertThat(revoked(list, index)).isFalse();
        long signed = statusLists.signings();
        assertThat(revoked(list, index)).isFalse();
        assertThat(statusLists.signings()).as("unchanged: the kept list").isEqualTo(signed);

        revokeAsAnotherNode(publicId);

        assertThat(revoked(list, index)).as("the other node's revocation is in this node's list").isTrue();
        assertThat(statusLists.signings()).as("signed again once").isEqualTo(signed + 1);
        assertThat(revoked(list, index)).isTrue();
        assertThat(statusLists.signings()).as("and kept again").isEqualTo(signed + 1);
    }

    /** What {@code CredentialAdministration.revoke} commits on its node, written here without going through this node. */
    private void revokeAsAnotherNode(String publicId) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = jdbc.queryForObject("select id from certificate where public_id = ?", Long.class, publicId);
        jdbc.update("update certificate set revoked_at = ?, revocation_reason = ? where id = ?", now, "Revoked on another node", id);
        jdbc.update("insert into credential_status_change (certificate_id, action, reason, actor, changed_at) values (?, ?, ?, ?, ?)",
                id, "revoked", "Revoked on another node", "admin", now);
    }

    private boolean revoked(String list, int index) throws Exception {
        var claims = SignedJWT.parse(credentials.statusList(list).orElseThrow().jwt()).getJWTClaimsSet();
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) claims.getClaim("credentialSubject");
        return BitstringStatusList.decode((String) subject.get("encodedList")).get(index % BitstringStatusList.SIZE);
    }
}
