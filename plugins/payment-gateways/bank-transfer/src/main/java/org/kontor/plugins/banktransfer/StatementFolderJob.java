package org.kontor.plugins.banktransfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.plugins.banktransfer.statement.StatementException;
import org.pf4j.Extension;

/**
 * Imports the statement files the bank (or an operator's script) puts into the folder of the setting
 * {@value BankTransferSettings#FOLDER}, every five minutes. An imported file moves to {@code processed/}, a file that
 * cannot be read to {@code failed/}; a file imported twice books nothing twice. Hidden files and files still being
 * written ({@code .part}, {@code .tmp}) are left alone.
 */
@Extension
public class StatementFolderJob implements ScheduledJob {

    private final PluginContext context;

    public StatementFolderJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "statement-folder";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(5));
    }

    @Override
    public void run(JobRun run) throws IOException {
        Optional<Path> folder = context.settings().get(BankTransferSettings.FOLDER).map(String::strip)
                .filter(f -> !f.isEmpty()).map(Path::of);
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return;
        }
        StatementImports imports = new StatementImports(context);
        for (Path file : waiting(folder.get())) {
            try {
                imports.importFile(Files.readAllBytes(file), file.getFileName().toString());
                move(file, folder.get().resolve("processed"));
            } catch (StatementException e) {
                context.logger().warn("Statement {} cannot be imported: {}", file.getFileName(), e.getMessage());
                move(file, folder.get().resolve("failed"));
            }
        }
    }

    private static List<Path> waiting(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
            }).sorted().toList();
        }
    }

    private static void move(Path file, Path target) throws IOException {
        Files.createDirectories(target);
        Path destination = target.resolve(file.getFileName());
        for (int n = 1; Files.exists(destination); n++) {
            destination = target.resolve(n + "-" + file.getFileName());
        }
        Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE);
    }
}
