package org.neurite.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.regex.Pattern;
import org.neurite.core.internal.Names;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into a JSON tree with YAML 1.2's core schema, so that what a user
 * writes means one thing: {@code 010} is ten, {@code yes} and {@code ON} are strings, {@code
 * .nan} and {@code .inf} are numbers, only {@code true}/{@code false} (any case style YAML 1.2
 * allows) are booleans. Anchors, aliases, explicit tags and a second document are refused with
 * their line and column, as are duplicate keys and nesting deeper than {@link #MAX_DEPTH}.
 */
final class YamlTree {
    /** The deepest nesting of lists and mappings accepted; configurations need about six. */
    static final int MAX_DEPTH = 64;
    /** The longest run of characters without a space or line break accepted in YAML. */
    static final int MAX_RUN = 8192;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?(\\.inf|\\.Inf|\\.INF)");
    private static final Pattern NAN = Pattern.compile("\\.nan|\\.NaN|\\.NAN");

    private final String source;
    private final Iterator<Event> events;

    private YamlTree(String source, Iterator<Event> events) {
        this.source = source;
        this.events = events;
    }

    /**
     * The tree of the one document in {@code text}, or {@code null} if there is none.
     *
     * @throws ConfigException with the line and column of the problem
     */
    static JsonNode read(String text, String source) {
        checkRuns(text, source);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(text.length(), 1));
        options.setAllowRecursiveKeys(false);
        Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        Iterator<Event> events = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return parser.peekEvent() != null;
            }

            @Override
            public Event next() {
                return parser.getEvent();
            }
        };
        try {
            return new YamlTree(source, events).document();
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw new ConfigException(source, "", (at == null ? "" : "line " + (at.getLine() + 1) + ", column "
                    + (at.getColumn() + 1) + ": ") + "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(source, "", "invalid YAML: " + e.getMessage());
        }
    }

    /**
     * Refuses a run of more than {@link #MAX_RUN} characters without a space or line break
     * before the parser sees it: SnakeYAML's scanner slows down more than linearly on such runs
     * (seconds for a few million characters), and no name or number in a configuration is
     * anywhere near that long.
     */
    private static void checkRuns(String text, String source) {
        int run = 0;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                run = 0;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                run = 0;
            } else if (++run > MAX_RUN) {
                throw new ConfigException(source, "", "line " + line + ": more than " + MAX_RUN + " characters "
                        + "without a space or line break (starting '" + Names.shorten(text.substring(i - MAX_RUN,
                        i - MAX_RUN + 20)) + "…'); names and values in a configuration are far shorter");
            }
        }
    }

    private JsonNode document() {
        expect(Event.ID.StreamStart);
        Event next = events.next();
        if (next.is(Event.ID.StreamEnd)) {
            return null;
        }
        if (!next.is(Event.ID.DocumentStart)) {
            throw error(next, "expected a YAML document");
        }
        JsonNode root = node(events.next(), 0);
        expect(Event.ID.DocumentEnd);
        Event after = events.next();
        if (!after.is(Event.ID.StreamEnd)) {
            throw error(after, "a second YAML document starts here; a configuration is one document "
                    + "(remove the '---' separator and what follows, or merge the two)");
        }
        return root;
    }

    private void expect(Event.ID id) {
        Event e = events.next();
        if (!e.is(id)) {
            throw error(e, "expected " + id + " but found " + e.getEventId());
        }
    }

    private JsonNode node(Event event, int depth) {
        if (event instanceof AliasEvent alias) {
            throw error(event, "the alias *" + Names.shorten(alias.getAnchor()) + " is not supported; write the "
                    + "value itself (anchors and aliases are refused so that every value is where it is read)");
        }
        if (event instanceof NodeEvent n && n.getAnchor() != null) {
            throw error(event, "the anchor &" + Names.shorten(n.getAnchor()) + " is not supported; write the "
                    + "value itself where it is used");
        }
        String tag = event instanceof ScalarEvent s ? s.getTag()
                : event instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null && !tag.equals("!")) {
            throw error(event, "the tag " + Names.shorten(tag) + " is not supported; write the value without a tag "
                    + "(quote it to make it a string)");
        }
        if (depth >= MAX_DEPTH) {
            throw error(event, "lists and mappings are nested more than " + MAX_DEPTH + " deep");
        }
        if (event instanceof ScalarEvent s) {
            return scalar(s);
        }
        if (event.is(Event.ID.SequenceStart)) {
            ArrayNode list = NODES.arrayNode();
            for (Event e = events.next(); !e.is(Event.ID.SequenceEnd); e = events.next()) {
                list.add(node(e, depth + 1));
            }
            return list;
        }
        if (event.is(Event.ID.MappingStart)) {
            ObjectNode map = NODES.objectNode();
            for (Event e = events.next(); !e.is(Event.ID.MappingEnd); e = events.next()) {
                if (!(e instanceof ScalarEvent key) || key.getAnchor() != null || key.getTag() != null
                        && !key.getTag().equals("!")) {
                    if (e instanceof AliasEvent || e instanceof NodeEvent n && n.getAnchor() != null) {
                        node(e, depth + 1);
                    }
                    throw error(e, "a mapping key must be a plain or quoted string");
                }
                String name = key.getValue();
                if (map.has(name)) {
                    throw error(e, "duplicate key '" + Names.shorten(name) + "'; each key may appear once");
                }
                map.set(name, node(events.next(), depth + 1));
            }
            return map;
        }
        throw error(event, "unexpected " + event.getEventId());
    }

    private JsonNode scalar(ScalarEvent s) {
        String v = s.getValue();
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return NODES.textNode(v);
        }
        if (NULL.matcher(v).matches()) {
            return NODES.nullNode();
        }
        if (TRUE.matcher(v).matches()) {
            return NODES.booleanNode(true);
        }
        if (FALSE.matcher(v).matches()) {
            return NODES.booleanNode(false);
        }
        if (v.length() <= 1000) {
            if (DECIMAL.matcher(v).matches()) {
                return integer(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
            }
            if (OCTAL.matcher(v).matches()) {
                return integer(new BigInteger(v.substring(2), 8));
            }
            if (HEX.matcher(v).matches()) {
                return integer(new BigInteger(v.substring(2), 16));
            }
            if (FLOAT.matcher(v).matches()) {
                return NODES.numberNode(Double.parseDouble(v));
            }
        }
        if (INFINITY.matcher(v).matches()) {
            return NODES.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (NAN.matcher(v).matches()) {
            return NODES.numberNode(Double.NaN);
        }
        return NODES.textNode(v);
    }

    private static JsonNode integer(BigInteger n) {
        if (n.bitLength() < 32) {
            return NODES.numberNode(n.intValue());
        }
        if (n.bitLength() < 64) {
            return NODES.numberNode(n.longValue());
        }
        return NODES.numberNode(n);
    }

    private ConfigException error(Event at, String detail) {
        Mark m = at.getStartMark();
        String where = m == null ? "" : "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
        return new ConfigException(source, "", where + detail);
    }
}
