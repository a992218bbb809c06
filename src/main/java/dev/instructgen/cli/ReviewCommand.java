package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.review.server.ReviewServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code instructgen review}: a local page to check examples by hand; decisions go to reviews.jsonl. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a page on 127.0.0.1 to browse a run's examples and rejected candidates, and mark "
                + "them accepted, rejected (with a reason) or edited. Decisions are appended to RUN_DIR/reviews.jsonl; "
                + "examples.jsonl is never rewritten.",
                "The address printed on start holds a random access token; requests without it, or from "
                        + "another origin, are refused. Stop with Ctrl-C."},
        footer = {"", "Example:", "  instructgen review runs/alpaca-10k --port 8765"})
public final class ReviewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory (finished or still running).")
    Path runDir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(runDir.resolve("manifest.json"))) {
            throw new BadInputException(runDir + " is not a run directory: "
                    + (Files.isDirectory(runDir) ? "no manifest.json" : "it does not exist"));
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be between 0 and 65535, got " + port);
        }
        ReviewServer server = ReviewServer.start(runDir, port, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "review-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("review page for " + runDir + " (decisions go to " + runDir.resolve("reviews.jsonl") + "):");
        out.println("  " + server.url());
        out.println("open it in a browser on this machine; Ctrl-C stops the server");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
