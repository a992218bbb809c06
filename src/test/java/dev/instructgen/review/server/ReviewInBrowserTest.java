package dev.instructgen.review.server;

import dev.instructgen.review.ReviewJournal;
import dev.instructgen.review.ReviewLedger;
import dev.instructgen.testing.HeadlessChromium;
import dev.instructgen.testing.SyntheticRunDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person reviewing a run through the page in headless Chromium: keys, buttons, and reviews.jsonl after. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewInBrowserTest {

    @TempDir
    static Path temp;

    static Path run;
    static ReviewServer server;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void openTheReviewPage() {
        run = temp.resolve("run");
        SyntheticRunDirectory.write(run, 60);
        server = ReviewServer.start(run, 0, Clock.systemUTC());
        browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(server.url());
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void acceptingRejectingAndEditingThroughThePageAppendsThreeDecisions() throws IOException {
        showOnly("seed_task_0");
        browser.findElement(By.tagName("body")).sendKeys("a");
        waitForDecisions(1);

        showOnly("ex-20");
        browser.findElement(By.id("reject-reason")).sendKeys("the answer is wrong");
        browser.findElement(By.id("reject")).click();
        waitForDecisions(2);

        showOnly("ex-21");
        browser.findElement(By.tagName("body")).sendKeys("e");
        WebElement output = browser.findElement(By.id("edit-output"));
        output.clear();
        output.sendKeys("A corrected answer.");
        browser.findElement(By.id("save-edit")).click();
        waitForDecisions(3);

        ReviewLedger ledger = ReviewLedger.load(run);
        assertThat(ledger.review("example", "seed_task_0").orElseThrow().status()).isEqualTo("accepted");
        assertThat(ledger.review("example", "ex-20").orElseThrow().reason()).isEqualTo("the answer is wrong");
        assertThat(ledger.review("example", "ex-21").orElseThrow().edit().output()).isEqualTo("A corrected answer.");
        assertThat(ledger.exampleCounts()).containsEntry("accepted", 1L).containsEntry("rejected", 1L)
                .containsEntry("edited", 1L);
        wait.until(d -> d.findElement(By.cssSelector("#detail pre.output")).getText().equals("A corrected answer."));
        screenshot("review.png");
    }

    @Test
    @Order(2)
    void rejectedCandidatesCanBeFilteredByReason() {
        clearSearch();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-kind"))).selectByValue("rejected");
        wait.until(d -> d.getTitle().contains("rejected"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("too-short");
        wait.until(d -> d.getTitle().startsWith("review · 8 of 30"));
        assertThat(browser.findElements(By.cssSelector("#list .row"))).hasSize(8);
        wait.until(d -> d.findElement(By.cssSelector("#detail pre.why")).getText().contains("too-short"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("record-kind"))).selectByValue("example");
        wait.until(d -> d.getTitle().contains("examples"));
    }

    @Test
    @Order(3)
    void examplesAppendedByARunStillWritingShowUpWithoutARestart() throws IOException {
        Files.writeString(run.resolve("examples.jsonl"), Files.readAllLines(run.resolve("examples.jsonl")).get(30)
                .replace("\"id\":\"ex-30\"", "\"id\":\"ex-live-1\"") + "\n", StandardOpenOption.APPEND);
        Files.writeString(run.resolve("examples.jsonl"), "{\"id\":\"ex-live-2\",\"instr", StandardOpenOption.APPEND);
        showOnly("ex-live", "ex-live-1");
        assertThat(browser.findElements(By.cssSelector("#list .row"))).extracting(e -> e.getAttribute("data-id"))
                .containsExactly("ex-live-1");
    }

    private static void showOnly(String id) {
        showOnly(id, id);
    }

    private static void showOnly(String search, String firstId) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(search);
        box.sendKeys(Keys.ESCAPE);
        wait.until(d -> {
            var rows = d.findElements(By.cssSelector("#list .row"));
            return !rows.isEmpty() && rows.get(0).getAttribute("data-id").equals(firstId)
                    && d.findElement(By.cssSelector("#detail h2.title")).getText().startsWith(firstId + " ");
        });
    }

    private static void clearSearch() {
        WebElement search = browser.findElement(By.id("q"));
        search.clear();
        search.sendKeys(" ", Keys.BACK_SPACE, Keys.ESCAPE);
    }

    private static void waitForDecisions(int lines) {
        Path file = run.resolve(ReviewJournal.FILE);
        wait.until(d -> {
            try {
                return Files.exists(file) && Files.readAllLines(file).size() == lines;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("instructgen.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
