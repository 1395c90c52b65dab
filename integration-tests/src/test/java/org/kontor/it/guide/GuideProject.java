package org.kontor.it.guide;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Maven plugin project written from a guide, built here the way its pom says Maven builds it: the main sources
 * compiled with the annotation processors the pom names and the resources beside them, the tests compiled against
 * them, and the zip laid out as the pom's assembly descriptor says. Only what such a pom uses is understood; anything
 * else fails loudly, so that a guide that grows beyond it is noticed.
 */
final class GuideProject {

    /** One dependency as the pom declares it, its version resolved from the pom's properties. */
    record Dependency(String groupId, String artifactId, String version, String scope) {
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Path root;
    private final Element pom;

    private GuideProject(Path root, Element pom) {
        this.root = root;
        this.pom = pom;
    }

    /** Writes the files into {@code root} and reads its pom. */
    static GuideProject write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return new GuideProject(root, xml(root.resolve("pom.xml")));
    }

    /** A project on disk, such as Kontor's own reactor. */
    static GuideProject read(Path root) {
        return new GuideProject(root, xml(root.resolve("pom.xml")));
    }

    Path root() {
        return root;
    }

    boolean hasParent() {
        return child(pom, "parent").isPresent();
    }

    String artifactId() {
        return text(pom, "artifactId");
    }

    String version() {
        return text(pom, "version");
    }

    String property(String name) {
        return child(pom, "properties").flatMap(p -> child(p, name)).map(e -> resolve(e.getTextContent().strip()))
                .orElseThrow(() -> new IllegalStateException("the pom has no property " + name));
    }

    List<Dependency> dependencies() {
        List<Dependency> dependencies = new ArrayList<>();
        child(pom, "dependencies").ifPresent(list -> children(list, "dependency").forEach(d -> dependencies.add(
                new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version"),
                        child(d, "scope").map(s -> s.getTextContent().strip()).orElse("compile")))));
        return dependencies;
    }

    Optional<Dependency> dependency(String groupId, String artifactId) {
        return dependencies().stream().filter(d -> d.groupId().equals(groupId) && d.artifactId().equals(artifactId))
                .findFirst();
    }

    /** The annotation processors the compiler plugin runs. */
    List<String> annotationProcessors() {
        return plugin("maven-compiler-plugin").flatMap(p -> child(p, "configuration"))
                .flatMap(c -> child(c, "annotationProcessors"))
                .map(list -> children(list, "annotationProcessor").stream().map(e -> e.getTextContent().strip()).toList())
                .orElse(List.of());
    }

    /** The assembly descriptor the package phase builds the zip from. */
    Path assemblyDescriptor() {
        Element plugin = plugin("maven-assembly-plugin")
                .orElseThrow(() -> new IllegalStateException("the pom builds no assembly"));
        Element execution = child(plugin, "executions").flatMap(e -> child(e, "execution"))
                .orElseThrow(() -> new IllegalStateException("the assembly plugin has no execution"));
        if (!text(execution, "phase").equals("package")) {
            throw new IllegalStateException("the assembly is not built by mvn package");
        }
        Element descriptors = child(execution, "configuration").flatMap(c -> child(c, "descriptors"))
                .orElseThrow(() -> new IllegalStateException("the assembly execution names no descriptor"));
        return root.resolve(text(descriptors, "descriptor"));
    }

    /** Compiles src/main/java into target/classes with the pom's annotation processors, and copies the resources. */
    Path compileMain(List<Path> classpath) throws IOException {
        Path classes = root.resolve("target/classes");
        List<String> options = new ArrayList<>(List.of("--release", property("maven.compiler.release"),
                "-encoding", property("project.build.sourceEncoding"), "-d", classes.toString(),
                "-cp", TestClasspath.asString(classpath)));
        List<String> processors = annotationProcessors();
        if (processors.isEmpty()) {
            options.add("-proc:none");
        } else {
            options.addAll(List.of("-processor", String.join(",", processors)));
        }
        compile(root.resolve("src/main/java"), options);
        copy(root.resolve("src/main/resources"), classes);
        return classes;
    }

    /** Compiles src/test/java into target/test-classes against the main classes, and copies the test resources. */
    Path compileTests(List<Path> classpath) throws IOException {
        Path classes = root.resolve("target/test-classes");
        List<Path> withMain = new ArrayList<>(classpath);
        withMain.add(0, root.resolve("target/classes"));
        compile(root.resolve("src/test/java"), List.of("--release", property("maven.compiler.release"),
                "-encoding", property("project.build.sourceEncoding"), "-proc:none", "-d", classes.toString(),
                "-cp", TestClasspath.asString(withMain)));
        copy(root.resolve("src/test/resources"), classes);
        return classes;
    }

    /** Builds {@code target/<artifactId>-<version>.zip} as the assembly descriptor lays it out. */
    Path packageZip() throws IOException {
        Element assembly = xml(assemblyDescriptor());
        if (!child(assembly, "formats").map(f -> text(f, "format")).orElse("").equals("zip")) {
            throw new IllegalStateException("the assembly is not a zip");
        }
        if (!child(assembly, "includeBaseDirectory").map(e -> e.getTextContent().strip()).orElse("true")
                .equals("false")) {
            throw new IllegalStateException("the zip must have plugin.properties at its root, not in a folder");
        }
        List<Dependency> shipped = dependencies().stream()
                .filter(d -> d.scope().equals("compile") || d.scope().equals("runtime")).toList();
        if (!shipped.isEmpty()) {
            throw new IllegalStateException("this build does not fetch third-party jars for lib/: " + shipped);
        }
        Path zip = root.resolve("target").resolve(artifactId() + "-" + version() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Element fileSet : child(assembly, "fileSets").map(s -> children(s, "fileSet")).orElse(List.of())) {
                addFileSet(out, fileSet);
            }
        }
        return zip;
    }

    private void addFileSet(ZipOutputStream out, Element fileSet) throws IOException {
        Path directory = directory(text(fileSet, "directory"));
        String prefix = child(fileSet, "outputDirectory").map(e -> e.getTextContent().strip()).orElse("")
                .replaceAll("^/+", "");
        List<PathMatcher> includes = matchers(fileSet, "includes", "include");
        List<PathMatcher> excludes = matchers(fileSet, "excludes", "exclude");
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = directory.relativize(file);
                boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(relative));
                if (included && excludes.stream().noneMatch(m -> m.matches(relative))) {
                    String name = (prefix.isEmpty() ? "" : prefix + "/") + relative.toString().replace('\\', '/');
                    out.putNextEntry(new ZipEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
    }

    private Path directory(String resolved) {
        return root.resolve(resolved);
    }

    private static List<PathMatcher> matchers(Element fileSet, String list, String item) {
        return child(fileSet, list).map(l -> children(l, item).stream()
                        .map(e -> FileSystems.getDefault().getPathMatcher("glob:" + e.getTextContent().strip()))
                        .toList())
                .orElse(List.of());
    }

    private Optional<Element> plugin(String artifactId) {
        return child(pom, "build").flatMap(b -> child(b, "plugins"))
                .flatMap(list -> children(list, "plugin").stream()
                        .filter(p -> text(p, "artifactId").equals(artifactId)).findFirst());
    }

    private String resolve(String value) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = switch (name) {
                case "project.version" -> version();
                case "project.artifactId" -> artifactId();
                case "project.basedir" -> root.toString();
                case "project.build.outputDirectory" -> root.resolve("target/classes").toString();
                default -> property(name);
            };
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String text(Element parent, String name) {
        return child(parent, name).map(e -> resolve(e.getTextContent().strip()))
                .orElseThrow(() -> new IllegalStateException("<" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static void compile(Path sources, List<String> options) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Files.createDirectories(Path.of(options.get(options.indexOf("-d") + 1)));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(output, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                StringBuilder problems = new StringBuilder(output.toString());
                diagnostics.getDiagnostics().forEach(d -> problems.append('\n').append(d));
                throw new AssertionError("the guide's code in " + sources + " does not compile:" + problems);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static Element xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return document.getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
