package org.calibra.e2e;

import java.util.Base64;
import java.util.Map;

/**
 * Fetches a download the way the page's own link would, inside the signed-in page with its session (JS
 * {@code fetch}), and hands back status, content type and bytes.
 */
final class CredentialFiles {

    record Download(long status, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private CredentialFiles() {
    }

    static Download fetch(Browser browser, String href) {
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(buffer => {
                  const bytes = new Uint8Array(buffer);
                  let binary = '';
                  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                  done({status: r.status, type: r.headers.get('content-type') || '', base64: btoa(binary)});
                })).catch(e => done({status: -1, type: String(e), base64: ''}));
                """, href);
        return new Download(((Number) result.get("status")).longValue(), (String) result.get("type"),
                Base64.getDecoder().decode((String) result.get("base64")));
    }
}
