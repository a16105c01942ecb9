package org.calibra.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every response body the browser received since the last call, read through Chromium's performance
 * log and the raw CDP command Network.getResponseBody (Selenium's typed DevTools API does not know
 * this Chromium's protocol version). Binary bodies (the DICOM files) are skipped.
 */
final class NetworkCapture {

    record Response(String url, String mimeType, String body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChromeDriver driver;

    NetworkCapture(ChromeDriver driver) {
        this.driver = driver;
    }

    List<Response> drain() {
        Map<String, String[]> meta = new HashMap<>();
        List<String> finished = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString();
            JsonNode params = message.path("params");
            if (method.equals("Network.responseReceived")) {
                meta.put(params.path("requestId").asString(), new String[] {params.path("response").path("url").asString(),
                        params.path("response").path("mimeType").asString()});
            } else if (method.equals("Network.loadingFinished")) {
                finished.add(params.path("requestId").asString());
            }
        }
        List<Response> responses = new ArrayList<>();
        for (String id : finished) {
            String[] m = meta.getOrDefault(id, new String[] {"?", "?"});
            try {
                Map<String, Object> r = driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", id));
                if (!Boolean.TRUE.equals(r.get("base64Encoded"))) {
                    responses.add(new Response(m[0], m[1], String.valueOf(r.get("body"))));
                }
            } catch (RuntimeException gone) {
                // the body was already evicted or the request had none (e.g. a redirect)
            }
        }
        return responses;
    }
}
