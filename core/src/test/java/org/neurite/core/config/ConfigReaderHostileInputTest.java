package org.neurite.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.plugin.Plugins;

/**
 * Configurations that were misread or failed with the wrong exception type: each gives a
 * {@link ConfigException} with the file, the path or position, and what is accepted.
 */
class ConfigReaderHostileInputTest {
    private static final Plugins PLUGINS = Plugins.discover();
    static final String VALID = """
            input_shape: [2]
            layers:
              - {type: dense, units: 3, activation: test_tanh}
              - {type: dense, units: 2}
              - {type: activation, activation: test_softmax}
            loss: test_crossentropy
            optimizer: {name: test_sgd, learning_rate: 0.1}
            training: {epochs: 5, batch_size: 4, shuffle: false, seed: 7, verbose: 0}
            """;

    private final ConfigReader reader = new ConfigReader(PLUGINS);

    @TempDir
    Path dir;

    private ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> reader.parse(yaml, "net.yaml"));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void aDirectoryGivenAsTheConfigurationIsAConfigException() {
        assertContains(assertThrows(ConfigException.class, () -> reader.read(dir)).getMessage(),
                dir + ": this is a directory; expected a configuration file");
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetAndLine() throws Exception {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("false");
        bytes[at + 1] ^= (byte) 0x80;   // one bit flip in 'false': 'a' becomes 0xE1, a broken sequence
        Path file = dir.resolve("net.yaml");
        Files.write(file, bytes);

        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(file));
        assertContains(e.getMessage(), file + ": line 8, byte offset " + (at + 1) + ": the file is not valid UTF-8 "
                + "(byte 0xE1 starts a malformed character); save it as UTF-8 text");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeParsing() throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, ("# " + "x".repeat(ConfigReader.MAX_BYTES) + "\n").getBytes(StandardCharsets.US_ASCII));

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> reader.read(file)));
        assertContains(e.getMessage(), "the file is larger than 16777216 bytes (16 MiB)");
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsName() {
        assertContains(error(VALID.replace("units: 3,", "units: &u 3,")).getMessage(),
                "net.yaml: line 3, column ", "the anchor &u is not supported");
        assertContains(error(VALID.replace("- {type: dense, units: 2}", "- {type: dense, units: *u}")).getMessage(),
                "net.yaml: line 4, column ", "the alias *u is not supported");
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertContains(error(VALID + "---\nloss: other\n").getMessage(),
                "net.yaml: line 9, column 1: a second YAML document starts here");
    }

    @Test
    void scalarsFollowTheYaml12CoreSchema() {
        ModelConfig c = reader.parse(VALID.replace("units: 3,", "units: 010,"), "net.yaml");
        assertEquals(10, c.layers().get(0).hyperparameters().integer("units"), "010 is ten, not octal eight");
        assertEquals(8, reader.parse(VALID.replace("units: 3,", "units: 0o10,"), "net.yaml")
                .layers().get(0).hyperparameters().integer("units"), "0o10 is YAML 1.2's octal");
        assertContains(error(VALID.replace("shuffle: false", "shuffle: yes")).getMessage(),
                "training.shuffle", "(true or false) but found 'yes'");
        assertContains(error(VALID.replace("units: 3,", "units: 3, use_bias: ON,")).getMessage(),
                "layers[0].use_bias", "use_bias = 'ON' is not a boolean; expected true or false");
        assertEquals(true, reader.parse(VALID.replace("shuffle: false", "shuffle: True"), "net.yaml").training().shuffle());
        assertEquals("3", YamlTree.read("a: '3'", "q.yaml").get("a").asText(), "a quoted scalar is a string");
        assertTrue(Double.isNaN(YamlTree.read("a: .nan", "q.yaml").get("a").asDouble()), ".nan is a number");
        assertEquals(Double.NEGATIVE_INFINITY, YamlTree.read("a: -.inf", "q.yaml").get("a").asDouble());
        assertTrue(YamlTree.read("a: ~", "q.yaml").get("a").isNull());
        assertContains(error(VALID.replace("learning_rate: 0.1", "learning_rate: .nan")).getMessage(),
                "optimizer.learning_rate");
    }

    @Test
    void tagsAndDuplicateKeysAreRefusedWithTheirPosition() {
        assertContains(error(VALID.replace("units: 3,", "units: !!str 3,")).getMessage(),
                "line 3, column", "the tag tag:yaml.org,2002:str is not supported");
        assertContains(error(VALID.replace("units: 3,", "units: 3, units: 4,")).getMessage(),
                "line 3, column", "duplicate key 'units'");
    }

    @Test
    void crossFieldChecksOfAnInitializerRunWhenTheConfigurationIsRead() {
        ConfigException e = error(VALID.replace("units: 3,",
                "units: 3, kernel_initializer: {name: random_uniform, minval: 5, maxval: -5},"));
        assertContains(e.getMessage(), "net.yaml: layers[0].kernel_initializer.maxval: initializer 'random_uniform': "
                + "minval = 5.0 must be less than maxval = -5.0");
    }

    @Test
    void anInitializerThatWouldDrawInfiniteWeightsIsRefused() {
        assertContains(error(VALID.replace("units: 3,",
                "units: 3, kernel_initializer: {name: random_normal, stddev: 1e308},")).getMessage(),
                "layers[0].kernel_initializer.stddev: initializer 'random_normal'", "beyond float range");
        assertContains(error(VALID.replace("units: 3,",
                "units: 3, kernel_initializer: {name: random_uniform, minval: -1e39, maxval: 0},")).getMessage(),
                "layers[0].kernel_initializer.minval", "within float range");
        assertContains(error(VALID.replace("units: 3,",
                "units: 3, bias_initializer: {name: constant, value: 1e39},")).getMessage(),
                "layers[0].bias_initializer.value", "is not a finite float");
    }

    @Test
    void aThreeMillionCharacterNameIsRejectedQuicklyWithAShortMessage() {
        String name = "r".repeat(3_000_000);
        String json = "{\"input_shape\": [2], \"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": \""
                + name + "\"}], \"loss\": \"test_crossentropy\", \"optimizer\": \"test_sgd\"}";
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> reader.parse(json, "net.json")));
        assertContains(e.getMessage(), "layers[0].activation: Unknown activation 'rrrr", "… (3000000 characters)'");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
        ConfigException key = error(VALID.replace("units: 3,", "units: 3, " + "k".repeat(1000) + ": 1,"));
        assertContains(key.getMessage(), "layers[0].kkkk", "unknown key 'kkkk", "… (1000 characters)'");
        assertTrue(key.getMessage().length() < 1000, key.getMessage().length() + " characters");
    }

    @Test
    void aYamlRunOfMillionsOfCharactersIsRefusedBeforeTheParserSeesIt() {
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> error(VALID.replace("activation: test_tanh", "activation: " + "r".repeat(3_000_000))));
        assertContains(e.getMessage(), "net.yaml: line 3: more than 8192 characters without a space or line break");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
    }

    static Path fixture(String name) throws java.net.URISyntaxException {
        return Path.of(ConfigReaderHostileInputTest.class.getResource("/hostile/" + name).toURI());
    }

    @Test
    void theCraftedFixtureFilesAreRefusedWithTheirPositions() throws Exception {
        Path utf8 = fixture("invalid-utf8.yaml");
        assertContains(assertThrows(ConfigException.class, () -> reader.read(utf8)).getMessage(),
                utf8 + ": line 2, byte offset 61: the file is not valid UTF-8");
        Path alias = fixture("alias.yaml");
        assertContains(assertThrows(ConfigException.class, () -> reader.read(alias)).getMessage(),
                alias + ": line 3, column 26: the anchor &u is not supported");
        Path second = fixture("second-document.yaml");
        assertContains(assertThrows(ConfigException.class, () -> reader.read(second)).getMessage(),
                second + ": line 5, column 1: a second YAML document starts here");
    }

    @Test
    void layerNamesThatCannotNameADirectoryInAModelFileAreRefusedWhenRead() {
        for (String[] c : new String[][] {
                {"'../../evil'", "contains '/' at position 3"},
                {"''", "the layer name '' is not accepted"},
                {"'a//b'", "contains '/' at position 2"},
                {"\"a\\tb\"", "contains the control character U+0009 at position 2"},
                {"'a\\b'", "contains '\\' at position 2"},
                {"'..'", "the layer name '..' is not accepted"},
                {"'" + "n".repeat(129) + "'", "is not accepted: a layer name is 1 to 128 characters"}}) {
            ConfigException e = error(VALID.replace("units: 3,", "units: 3, name: " + c[0] + ","));
            assertContains(e.getMessage(), "net.yaml: layers[0].name: ", c[1]);
        }
        assertEquals("hidden 1", reader.parse(VALID.replace("units: 3,", "units: 3, name: hidden 1,"), "net.yaml")
                .layers().get(0).name());
    }

    @Test
    void deepNestingIsRefused() {
        assertContains(error("a: " + "[".repeat(200) + "]".repeat(200)).getMessage(), "nested more than 64 deep");
    }
}
