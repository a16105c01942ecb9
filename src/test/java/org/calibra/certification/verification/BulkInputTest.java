package org.calibra.certification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.calibra.certification.verification.BulkInput.Item;
import org.calibra.certification.verification.BulkInput.Kind;
import org.calibra.certification.verification.BulkInput.UploadedFile;
import org.junit.jupiter.api.Test;

class BulkInputTest {

    private static final String ID = "q3Zx9Vb2RkS0n4mH8pLw1A";
    private static final String ID2 = "Rk-_S0n4mH8pLw1Aq3Zx9V";
    private static final String JWS = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    private final BulkInput input = new BulkInput("https://calibra.example.org/verify/");

    @Test
    void ids_links_and_credentials_are_read_one_per_line_and_a_malformed_line_is_an_item_with_an_error_in_words() {
        var parsed = input.parse(ID + "\n\n  https://calibra.example.org/verify/" + ID2 + "?utm=qr  \nabc\n" + JWS + "\n", List.of());

        assertThat(parsed.refused()).isFalse();
        assertThat(parsed.items()).extracting(Item::source).containsExactly("line 1", "line 3", "line 4", "line 5");
        assertThat(parsed.items()).extracting(Item::kind).containsExactly(Kind.ID, Kind.ID, Kind.ERROR, Kind.CREDENTIAL);
        assertThat(parsed.items()).extracting(Item::value).containsExactly(ID, ID2, null, JWS);
        assertThat(parsed.items().get(2).error()).isEqualTo("line 4: 'abc' is not a certificate ID, a verification link or a signed credential");
        assertThat(parsed.items().get(3).given()).startsWith("credential eyJhbGciOiJSUzI1").contains("characters");
    }

    @Test
    void links_to_another_site_or_without_an_id_say_what_is_wrong() {
        var parsed = input.parse("https://evil.example.com/verify/" + ID + "\nhttps://calibra.example.org/verify/abc\n"
                + "https://calibra.example.org/certificates\nhttp://calibra.example.org:443/verify/" + ID, List.of());

        assertThat(parsed.items()).extracting(Item::kind).containsExactly(Kind.ERROR, Kind.ERROR, Kind.ERROR, Kind.ID);
        assertThat(parsed.items().get(0).error()).contains("line 1").contains("another site").contains("https://calibra.example.org/verify/");
        assertThat(parsed.items().get(1).error()).contains("does not end in a certificate ID");
        assertThat(parsed.items().get(2).error()).contains("is not a verification link");
    }

    @Test
    void a_csv_counts_by_its_first_recognisable_cell_and_its_header_is_skipped() {
        byte[] csv = ("Name,Certificate ID\r\n\"Dr. Rosa\",\"" + ID + "\"\r\nDr. Nobody,not-an-id\r\n").getBytes(StandardCharsets.UTF_8);

        var parsed = input.parse("", List.of(new UploadedFile("staff.csv", csv)));

        assertThat(parsed.items()).extracting(Item::source).containsExactly("staff.csv line 2", "staff.csv line 3");
        assertThat(parsed.items().get(0).value()).isEqualTo(ID);
        assertThat(parsed.items().get(1).error()).startsWith("staff.csv line 3: 'Dr. Nobody,not-an-id' is not");
    }

    @Test
    void a_single_unrecognisable_first_line_is_an_error_not_a_header() {
        assertThat(input.parse("abc", List.of()).items()).singleElement().extracting(Item::kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void credential_files_jwt_and_json_each_give_their_credential_and_a_binary_or_empty_file_says_so() {
        var files = List.of(new UploadedFile("a.jwt", (JWS + "\n").getBytes(StandardCharsets.US_ASCII)),
                new UploadedFile("b.json", ("{\"@context\": [], \"type\": \"EnvelopedVerifiableCredential\", \"id\": \"data:application/vc+jwt," + JWS + "\"}")
                        .getBytes(StandardCharsets.UTF_8)),
                new UploadedFile("c.json", "{\"name\": \"unsigned\"}".getBytes(StandardCharsets.UTF_8)),
                new UploadedFile("d.pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}),
                new UploadedFile("e.jwt", "not a credential".getBytes(StandardCharsets.UTF_8)),
                new UploadedFile("f.txt", new byte[0]));

        var items = input.parse(null, files).items();

        assertThat(items).extracting(Item::source).containsExactly("file a.jwt", "file b.json", "file c.json", "file d.pdf", "file e.jwt", "file f.txt");
        assertThat(items).extracting(Item::kind).containsExactly(Kind.CREDENTIAL, Kind.CREDENTIAL, Kind.ERROR, Kind.ERROR, Kind.ERROR, Kind.ERROR);
        assertThat(items.get(0).value()).isEqualTo(JWS);
        assertThat(items.get(1).value()).isEqualTo(JWS);
        assertThat(items.get(2).error()).contains("holds no signed credential");
        assertThat(items.get(3).error()).contains("is not a text file");
        assertThat(items.get(4).error()).contains("does not hold a signed credential");
        assertThat(items.get(5).error()).isEqualTo("file f.txt: is empty");
    }

    @Test
    void more_than_the_cap_is_refused_whole_with_the_count_and_the_limit() {
        var many = new StringBuilder();
        for (int i = 0; i < BulkInput.MAX_ITEMS + 1; i++) {
            many.append(ID).append('\n');
        }

        var parsed = input.parse(many.toString(), List.of());

        assertThat(parsed.refused()).isTrue();
        assertThat(parsed.items()).isEmpty();
        assertThat(parsed.refusal()).contains((BulkInput.MAX_ITEMS + 1) + " items").contains("at most " + BulkInput.MAX_ITEMS);
        assertThat(input.parse(many.substring(ID.length() + 1), List.of()).items()).hasSize(BulkInput.MAX_ITEMS);
    }
}
