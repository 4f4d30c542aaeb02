package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README is a complete compilation unit (package, imports, a type) and
 * compiles against the published modules, so the README cannot drift from the API.
 */
class ReadmeJavaTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public |abstract |final )*(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyJavaBlockIsACompleteFileAndCompiles() throws Exception {
        Path readme = Path.of(System.getProperty("neurite.readme", "../README.md"));
        String text = Files.readString(readme);
        Matcher m = BLOCK.matcher(text);
        List<Path> sources = new ArrayList<>();
        while (m.find()) {
            String code = m.group(1);
            Matcher pkg = PACKAGE.matcher(code);
            Matcher type = TYPE.matcher(code);
            assertTrue(pkg.find() && type.find(), "a README Java block is not a complete file (package and a type "
                    + "declaration):\n" + code);
            Path file = dir.resolve("src").resolve(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
            assertTrue(!Files.exists(file), "two README blocks declare " + file.getFileName());
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
            sources.add(file);
        }
        assertTrue(sources.size() >= 4, "the README's Java blocks were not found: " + sources);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(new StringWriter(), files, diagnostics,
                    List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                            "-d", classes.toString()),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(ok && errors.isEmpty(), "README Java blocks do not compile (each must be a complete file: package, imports, a type):\n" + errors);
        }
    }
}
