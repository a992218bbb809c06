package dev.instructgen.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * A headless Chromium driven through chromedriver, both from Debian's packages (.ci/run installs them). The
 * driver path is given explicitly, so Selenium Manager never tries to download one. Where neither can be
 * found the calling test is skipped with a message saying so.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start(Path userDataDir) {
        File browser = existing(System.getProperty("instructgen.chromium", "/usr/bin/chromium"));
        File driver = existing(System.getProperty("instructgen.chromedriver", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(browser != null && driver != null, "browser test skipped: no Chromium or "
                + "chromedriver here (apt-get install chromium chromium-driver, as .ci/run does)");
        try {
            Files.createDirectories(userDataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + userDataDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static File existing(String path) {
        File file = new File(path);
        return file.canExecute() ? file : null;
    }
}
