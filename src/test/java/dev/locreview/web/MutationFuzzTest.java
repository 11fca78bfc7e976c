package dev.locreview.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded mutation fuzzer of the two decision endpoints. From valid requests and the casebook's,
 * it mutates bytes, JSON structure, types, Unicode, sizes, duplicate keys and headers, and asserts that
 * nothing is a 5xx and every 4xx is problem+json with a field or a detail. `-Dfuzz.count` and
 * `-Dfuzz.seed` run it longer or elsewhere (bench/fuzz); a failure prints the seed and the request.
 */
class MutationFuzzTest extends HttpTestSupport {

    private static final int COUNT = Integer.getInteger("fuzz.count", 2000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] FIELDS = {"api", "categories", "scenarios", "reason", "appId", "appName"};
    private static final String[] TEXTS = {"", " ", "\u0000", "a\u0000b", "\n\r\t", "\\uD800", "\uD83D\uDE97",
            "\u202E\u202D", "\u200B\u200D\uFEFF", "e\u0301", "交通服务－代驾", "交通服务—代驾—城市", "-", "--", "---",
            "%00", "${jndi:ldap://x}", "<script>", "\"", "\\", "wx.GETLOCATION", "getlocation", "R1", "null"};
    private static final byte[][] BYTES = {{0}, {(byte) 0xC0, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8},
            {'"'}, {'{'}, {'['}, {','}, {':'}, {'}'}, {']'}, {'\\'}, {'\n'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8",
            "application/json;charset=utf-8", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/json; charset=bogus", "application/x-ndjson", "text/plain", "application/xml",
            "application/problem+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "*/*", "application/json; charset=\"utf-8\"", "application/vnd.api+json"};
    private static final String[] ACCEPTS = {"application/json", "*/*", "text/html", "application/xml",
            "application/problem+json", "text/plain", "image/png", "application/json;q=0", "garbage"};

    private Random random;

    @Test
    void noMutationIsA5xxAndEveryRefusalIsAProblem() throws Exception {
        random = new Random(SEED);
        List<ObjectNode> seeds = seeds();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < COUNT && failures.size() < 10; i++) {
            boolean batch = random.nextInt(4) == 0;
            byte[] body = batch ? batchBody(seeds) : mutate(pick(seeds).deepCopy());
            String contentType = random.nextInt(3) == 0 ? pick(CONTENT_TYPES)
                    : batch && random.nextBoolean() ? "application/x-ndjson" : "application/json";
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(batch ? "/api/v1/reviews/batch" : "/api/v1/reviews"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (random.nextInt(20) != 0) {
                request.header("Content-Type", contentType);
            }
            if (random.nextInt(4) == 0) {
                request.header("Accept", pick(ACCEPTS));
            }
            if (batch || random.nextInt(3) != 0) {
                request.header("X-API-Key", REVIEWER_KEY);
            }
            HttpResponse<String> reply;
            try {
                reply = sendRetryingDroppedConnection(request.build());
            } catch (java.io.IOException dropped) {
                failures.add(String.format("#%d (seed %d) no response, twice: %s%n  body: %s", i, SEED, dropped,
                        abbreviate(new String(body, StandardCharsets.UTF_8))));
                continue;
            }
            String problem = check(reply);
            if (problem != null) {
                failures.add(String.format("#%d (seed %d) %s %s -> %d %s: %s%n  body: %s", i, SEED,
                        batch ? "batch" : "single", contentType, reply.statusCode(), problem,
                        abbreviate(reply.body()), abbreviate(new String(body, StandardCharsets.UTF_8))));
            }
        }
        System.out.printf("fuzz: %d requests, seed %d, %d ms%n", COUNT, SEED,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }

    /** Null when the answer keeps the contract; otherwise what is wrong with it. */
    private String check(HttpResponse<String> reply) {
        int status = reply.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return status == 200 ? null : "an unexpected status";
        }
        if (!reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not problem+json";
        }
        try {
            JsonNode problem = json.readTree(reply.body());
            boolean explained = !problem.path("field").asText().isBlank() || !problem.path("detail").asText().isBlank();
            return explained && problem.path("status").asInt() == status ? null : "a problem without field or detail";
        } catch (IOException e) {
            return "an unreadable problem";
        }
    }

    private byte[] batchBody(List<ObjectNode> seeds) {
        int items = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 4);
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            parts.add(random.nextInt(3) == 0 ? mutate(pick(seeds).deepCopy())
                    : pick(seeds).toString().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lines = random.nextBoolean();
        out.writeBytes(lines ? new byte[0] : new byte[] {'['});
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.writeBytes(lines ? new byte[] {'\n'} : new byte[] {','});
            }
            out.writeBytes(parts.get(i));
        }
        out.writeBytes(lines ? new byte[0] : new byte[] {']'});
        return random.nextInt(4) == 0 ? bytes(out.toByteArray()) : out.toByteArray();
    }

    /** One to three mutations of the tree, then perhaps of its bytes. */
    private byte[] mutate(ObjectNode request) {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            tree(request);
        }
        String text = request.toString();
        switch (random.nextInt(6)) {
            case 0 -> text = duplicateKey(text);
            case 1 -> text = text.replace("\"reason\":\"", "\"reason\":\"" + pick(new String[] {"\\uD800", "\\uDC00",
                    "\\u0000", "\\uD83D\\uDE97", "\\ud800\\ud800", "\\u00"}));
            default -> { }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return random.nextInt(3) == 0 ? bytes(bytes) : bytes;
    }

    private void tree(ObjectNode request) {
        String field = pick(FIELDS);
        switch (random.nextInt(10)) {
            case 0 -> request.remove(field);
            case 1 -> request.set(field, value());
            case 2 -> request.put(field, pick(TEXTS));
            case 3 -> request.put("reason", "定位".repeat(pick(new Integer[] {999, 1000, 1001, 20_000})));
            case 4 -> {
                ArrayNode categories = request.putArray("categories");
                for (int i = random.nextInt(8); i > 0; i--) {
                    categories.add(random.nextBoolean() ? NODES.textNode(pick(TEXTS) + "-" + pick(TEXTS)) : value());
                }
            }
            case 5 -> {
                ArrayNode scenarios = request.putArray("scenarios");
                for (int i = random.nextInt(30); i > 0; i--) {
                    scenarios.add(random.nextInt(4) == 0 ? value() : NODES.textNode("DESIGNATED_DRIVING"));
                }
            }
            case 6 -> request.set(pick(TEXTS) + "x", value());
            case 7 -> {
                JsonNode deep = NODES.textNode("x");
                for (int i = random.nextInt(60); i > 0; i--) {
                    deep = random.nextBoolean() ? NODES.arrayNode().add(deep) : NODES.objectNode().set("a", deep);
                }
                request.set(field, deep);
            }
            case 8 -> request.putObject("categories").put("level1", "交通服务").put("level2", "代驾");
            default -> request.putArray("categories").addObject().put("level1", pick(TEXTS)).set("level2", value());
        }
    }

    private JsonNode value() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 4 -> NODES.numberNode(new java.math.BigInteger("9".repeat(150)));
            case 5 -> NODES.arrayNode().add(pick(TEXTS)).add(NODES.nullNode());
            case 6 -> NODES.objectNode().put("level1", pick(TEXTS));
            case 7 -> NODES.textNode("x".repeat(random.nextInt(100_000)));
            default -> NODES.textNode(pick(TEXTS));
        };
    }

    /** A key written twice, at the start, the end or inside a nested object. */
    private String duplicateKey(String text) {
        String key = pick(FIELDS);
        return switch (random.nextInt(3)) {
            case 0 -> text.replaceFirst("\\{", "{\"" + key + "\":\"x\",");
            case 1 -> text.substring(0, text.length() - 1) + ",\"" + key + "\":null}";
            default -> text.replace("\"level1\":", "\"level1\":\"a\",\"level1\":");
        };
    }

    /** Byte-level damage: flips, insertions of awkward bytes, deletions, truncation. */
    private byte[] bytes(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                out.writeBytes(in);
                byte[] flipped = out.toByteArray();
                if (flipped.length > 0) {
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            }
            case 1 -> {
                out.write(in, 0, at);
                out.writeBytes(BYTES[random.nextInt(BYTES.length)]);
                out.write(in, at, in.length - at);
            }
            case 2 -> {
                out.write(in, 0, at);
                int skip = Math.min(in.length - at, random.nextInt(8));
                out.write(in, at + skip, in.length - at - skip);
            }
            default -> out.write(in, 0, at);
        }
        return out.toByteArray();
    }

    private List<ObjectNode> seeds() throws IOException {
        List<ObjectNode> seeds = new ArrayList<>();
        seeds.add((ObjectNode) json.readTree("{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                + "\"reason\":\"用户酒后叫代驾，需要获取精确位置作为接驾点。\",\"appId\":\"wx0123456789abcdef\",\"appName\":\"代驾\"}"));
        seeds.add((ObjectNode) json.readTree("{\"api\":\"wx.onLocationChange\",\"categories\":[{\"level1\":\"生活服务\","
                + "\"level2\":\"跑腿\"}],\"scenarios\":[\"ERRAND_DELIVERY\"]}"));
        try (Stream<Path> files = Files.walk(Path.of("casebook"))) {
            for (Iterator<Path> it = files.filter(p -> p.toString().endsWith(".json")).sorted().iterator(); it.hasNext();) {
                JsonNode request = json.readTree(it.next().toFile()).path("request");
                if (request.isObject()) {
                    seeds.add((ObjectNode) request);
                }
            }
        }
        return seeds;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
