package org.neurite.core.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.Plugins;

/**
 * Whatever text it is given, the configuration reader returns a configuration or throws a
 * {@link ConfigException} whose message names the source: never another exception type.
 */
class ConfigReaderPropertyTest {
    private static final Plugins PLUGINS = Plugins.discover();
    private static final String VALID = """
            input_shape: [2]
            layers:
              - {type: dense, units: 3, activation: test_tanh, kernel_initializer: {name: random_uniform, minval: -1, maxval: 1}}
              - {type: dense, units: 2, use_bias: true}
              - {type: activation, activation: test_softmax}
            loss: test_crossentropy
            optimizer: {name: test_sgd, learning_rate: 0.1, momentum: 0.5}
            metrics: [accuracy]
            training: {epochs: 5, batch_size: 4, shuffle: false, seed: 7, verbose: 0, validation_split: 0.25}
            """;
    private final ConfigReader reader = new ConfigReader(PLUGINS);

    private void readsOrRefuses(String text, String source) {
        try {
            ModelConfig c = reader.parse(text, source);
            assertTrue(c.inputSize() >= 1 && !c.layers().isEmpty());
        } catch (ConfigException e) {
            assertTrue(e.getMessage().startsWith(source + ":"), e.getMessage());
            assertTrue(e.getMessage().length() < 5000, "a short message: " + e.getMessage().length());
        } catch (PluginException e) {
            assertTrue(e.getMessage().length() < 5000);
        }
    }

    @Property(tries = 300, seed = "13")
    void mutatedBytesOfAValidYamlConfigurationReadOrFailAsConfigExceptions(@ForAll("mutations") byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return;   // the file reader refuses it, tested with its offset elsewhere
        }
        readsOrRefuses(text, "net.yaml");
    }

    @Property(tries = 200, seed = "17")
    void mutatedJsonReadsOrFailsAsConfigExceptions(@ForAll("jsonMutations") String text) {
        readsOrRefuses(text, "net.json");
    }

    @Property(tries = 200, seed = "19")
    void arbitraryTextReadsOrFailsAsConfigExceptions(@ForAll @StringLength(max = 300) String text) {
        readsOrRefuses(text, "any.yaml");
    }

    @Property(tries = 200, seed = "23")
    void everyTruncationOfAValidConfigurationReadsOrFailsAsConfigExceptions(@ForAll("cuts") int cut) {
        readsOrRefuses(VALID.substring(0, cut), "net.yaml");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, VALID.length());
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Integer> bit = Arbitraries.integers().between(0, 7);
        Arbitrary<Byte> ascii = Arbitraries.of((byte) '*', (byte) '&', (byte) '!', (byte) '-', (byte) '\n',
                (byte) ':', (byte) '{', (byte) ']', (byte) '\'', (byte) '0', (byte) ' ', (byte) '#', (byte) '|');
        return Combinators.combine(at, bit, ascii, Arbitraries.integers().between(0, 2)).as((a, b, c, kind) -> {
            byte[] copy = Arrays.copyOf(valid, valid.length);
            switch (kind) {
                case 0 -> copy[a] ^= (byte) (1 << b);
                case 1 -> copy[a] = c;
                default -> {
                    byte[] out = new byte[copy.length - 1];
                    System.arraycopy(copy, 0, out, 0, a);
                    System.arraycopy(copy, a + 1, out, a, copy.length - a - 1);
                    return out;
                }
            }
            return copy;
        });
    }

    @Provide
    Arbitrary<String> jsonMutations() {
        String json = "{\"input_shape\": [2], \"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": "
                + "\"test_tanh\"}], \"loss\": \"test_crossentropy\", \"optimizer\": {\"name\": \"test_sgd\", "
                + "\"learning_rate\": 0.1}, \"training\": {\"epochs\": 2, \"seed\": 1}}";
        Arbitrary<Integer> at = Arbitraries.integers().between(0, json.length() - 1);
        Arbitrary<Character> c = Arbitraries.of('"', '{', '}', '[', ']', ',', ':', '0', '-', 'e', ' ', 'x', '\u00e9');
        return Combinators.combine(at, c).as((a, ch) -> json.substring(0, a) + ch + json.substring(a + 1));
    }
}
