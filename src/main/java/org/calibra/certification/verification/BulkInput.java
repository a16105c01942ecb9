package org.calibra.certification.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a verifier pasted or uploaded into items to check, one per line or credential file: a certificate ID, a
 * verification link (what the QR code on a certificate encodes) or a signed credential (VC-JWT, as in the holder's .jwt
 * file, also inside a .json file). A line or file that is none of these becomes an item with an error in words, never
 * a reason to refuse the rest. A CSV's first cell that is one of them counts; a header line is skipped.
 */
public final class BulkInput {

    /** At most this many items are checked at once, so one run stays a few seconds and its report readable. */
    public static final int MAX_ITEMS = 500;
    /** What one uploaded file may hold: a list of 500 credentials is about 3 MB. */
    public static final int MAX_FILE_BYTES = 4 << 20;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final Pattern LINK_ID = Pattern.compile(".*/verify/([^/?#]*)/?");
    private static final Pattern HEADER = Pattern.compile("[\\p{L} ()/_'.-]*");
    private static final int QUOTE = 60;

    /** An uploaded file as received. */
    public record UploadedFile(String name, byte[] bytes) {}

    /** What kind of thing an item is. */
    public enum Kind { ID, CREDENTIAL, ERROR }

    /**
     * One item: {@code source} where it came from ("line 3", "file cert.jwt", "list.csv line 4"), {@code given} what it
     * was (shortened to be readable), and either the id or credential to check, or the error in words.
     */
    public record Item(String source, String given, Kind kind, String value, String error) {
        static Item id(String source, String given, String id) {
            return new Item(source, given, Kind.ID, id, null);
        }

        static Item credential(String source, String given, String jws) {
            return new Item(source, given, Kind.CREDENTIAL, jws, null);
        }

        static Item error(String source, String given, String error) {
            return new Item(source, given, Kind.ERROR, null, source + ": " + error);
        }
    }

    /** The items, or — when there are more than {@link #MAX_ITEMS} — why none will be checked. */
    public record Parsed(List<Item> items, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private final String verifyPrefix;

    /** @param verifyPrefix this installation's verification link without the id, e.g. "https://calibra.example.org/verify/" */
    public BulkInput(String verifyPrefix) {
        this.verifyPrefix = verifyPrefix;
    }

    public Parsed parse(String pasted, List<UploadedFile> files) {
        var items = new ArrayList<Item>();
        items.addAll(lines(pasted == null ? "" : pasted, "line "));
        for (UploadedFile f : files) {
            items.addAll(file(f));
        }
        if (items.size() > MAX_ITEMS) {
            return new Parsed(List.of(), "This list has " + items.size() + " items; at most " + MAX_ITEMS
                    + " are checked at once. Split it into smaller lists and check each in turn.");
        }
        return new Parsed(items, null);
    }

    private List<Item> file(UploadedFile f) {
        String name = f.name() == null || f.name().isBlank() ? "the uploaded file" : f.name().strip();
        String source = "file " + name;
        String text = text(f.bytes());
        if (text == null) {
            return List.of(Item.error(source, name, "is not a text file; upload the credential (.jwt or .json) or a text or CSV list of IDs and links"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String stripped = text.strip();
        if (lower.endsWith(".json") || stripped.startsWith("{") || stripped.startsWith("[") || stripped.startsWith("\"")) {
            return json(source, name, stripped);
        }
        if (lower.endsWith(".jwt") || JWS.matcher(stripped).matches()) {
            return List.of(stripped.isEmpty() ? Item.error(source, name, "is empty")
                    : JWS.matcher(stripped).matches() ? Item.credential(source, name, stripped)
                    : Item.error(source, name, "does not hold a signed credential (three parts separated by dots, as in the .jwt file a holder downloads)"));
        }
        var found = lines(text, name + " line ");
        return found.isEmpty() ? List.of(Item.error(source, name, "is empty")) : found;
    }

    /** A .json file: the signed credential(s) in it (an enveloped credential, {"credential": "…"}, a list), else its verification link. */
    private List<Item> json(String source, String name, String text) {
        var found = new ArrayList<Item>();
        Matcher m = JWS.matcher(text);
        while (m.find()) {
            found.add(Item.credential(found.isEmpty() ? source : source + " (credential " + (found.size() + 1) + ")", name, m.group()));
        }
        if (found.size() > 1) {
            found.set(0, Item.credential(source + " (credential 1)", name, found.getFirst().value()));
        }
        if (!found.isEmpty()) {
            return found;
        }
        var link = Pattern.compile("\"id\"\\s*:\\s*\"(https?://[^\"]+/verify/[^\"]+)\"").matcher(text);
        if (link.find()) {
            Item item = cell(source, link.group(1));
            return List.of(item != null ? new Item(source, name, item.kind(), item.value(), item.error())
                    : Item.error(source, name, "holds a credential without its signature, and no verification link"));
        }
        return List.of(Item.error(source, name, "holds no signed credential: Calibra's credentials are VC-JWTs, as in the .jwt file a holder downloads"));
    }

    private List<Item> lines(String text, String sourcePrefix) {
        var items = new ArrayList<Item>();
        String[] lines = text.split("\\R", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String source = sourcePrefix + (i + 1);
            Item item = line(source, line);
            if (item.kind() == Kind.ERROR && first && looksLikeHeader(line)) {
                first = false;
                continue;
            }
            first = false;
            items.add(item);
        }
        return items;
    }

    private Item line(String source, String line) {
        Item whole = cell(source, line);
        if (whole != null) {
            return whole;
        }
        if (line.matches(".*[,;\\t].*")) {
            for (String c : line.split("[,;\\t]")) {
                Item item = cell(source, unquote(c.strip()));
                if (item != null) {
                    return new Item(source, shorten(line), item.kind(), item.value(), item.error() == null ? null : item.error());
                }
            }
        }
        return Item.error(source, shorten(line), quote(line) + " is not a certificate ID, a verification link or a signed credential");
    }

    /** One cell: an item if it is an id, a link (right or wrong) or a credential; null if it is none of them. */
    private Item cell(String source, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (JWS.matcher(value).matches()) {
            return Item.credential(source, shortenCredential(value), value);
        }
        if (ID.matcher(value).matches()) {
            return Item.id(source, value, value);
        }
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            return link(source, value);
        }
        return null;
    }

    private Item link(String source, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Item.error(source, shorten(value), quote(value) + " is not a valid link");
        }
        var m = LINK_ID.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!m.matches()) {
            return Item.error(source, shorten(value), quote(value) + " is not a verification link (those end in /verify/ and the certificate ID)");
        }
        if (!sameSite(uri)) {
            return Item.error(source, shorten(value), quote(value) + " is a link to another site; this institution's verification links start with "
                    + verifyPrefix);
        }
        String id = m.group(1);
        if (!ID.matcher(id).matches()) {
            return Item.error(source, shorten(value), quote(value) + " does not end in a certificate ID (16 to 64 letters, digits, '-' or '_')");
        }
        return Item.id(source, value, id);
    }

    /** Host and port as this installation publishes them; http and https alike (a proxy may change the scheme). */
    private boolean sameSite(URI link) {
        try {
            URI mine = new URI(verifyPrefix);
            return link.getHost() != null && link.getHost().equalsIgnoreCase(mine.getHost()) && port(link) == port(mine);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    /** A first line of words that names a column ("Certificate ID", "Name,Link"): a CSV header, not an item. */
    private static boolean looksLikeHeader(String line) {
        if (!line.toLowerCase(Locale.ROOT).matches(".*\\b(id|ids|link|links|url|certificate|credential|name)\\b.*")) {
            return false;
        }
        for (String c : line.split("[,;\\t]")) {
            if (!HEADER.matcher(unquote(c.strip())).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1).strip() : cell;
    }

    private static String quote(String value) {
        return "'" + shorten(value) + "'";
    }

    static String shorten(String value) {
        return value.length() <= QUOTE ? value : value.substring(0, QUOTE - 1) + "…";
    }

    /** A credential is thousands of characters: its start is enough to recognise it in a table. */
    static String shortenCredential(String jws) {
        return "credential " + jws.substring(0, Math.min(16, jws.length())) + "… (" + String.format(Locale.ROOT, "%,d", jws.length()) + " characters)";
    }

    /** UTF-8 text, or null for anything binary (a PDF, an image). */
    private static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
