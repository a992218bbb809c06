package dev.instructgen.report.html;

import dev.instructgen.testing.HeadlessChromium;
import dev.instructgen.testing.SyntheticRunDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens a written report from disk in headless Chromium, the way a person would. */
class ReportInBrowserTest {

    @TempDir
    static Path temp;

    static ChromeDriver browser;
    static SyntheticRunDirectory.Counts counts;
    static Path html;

    @BeforeAll
    static void writeTheReportAndOpenIt() {
        Path run = temp.resolve("run");
        counts = SyntheticRunDirectory.write(run, 400);
        html = temp.resolve("report.html");
        HtmlReport.write(run, html);
        browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
        browser.get(html.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("data-charts-drawn") != null);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyChartIsDrawnWithoutConsoleErrors() throws IOException {
        List<WebElement> charts = browser.findElements(By.cssSelector("section.chart"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(14);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-charts-drawn"))
                .isEqualTo(Integer.toString(charts.size()));
        for (WebElement chart : charts) {
            assertThat(chart.findElements(By.cssSelector(".plot svg, .plot canvas")))
                    .as("drawing of %s", chart.getAttribute("id")).isNotEmpty();
            assertThat(chart.findElements(By.cssSelector(".plot svg path, .plot svg rect, .plot svg text")))
                    .as("marks in %s", chart.getAttribute("id")).isNotEmpty();
            assertThat(chart.findElement(By.cssSelector("h2")).getText()).isNotBlank();
            assertThat(chart.findElement(By.cssSelector("p.reading")).getText()).isNotBlank();
            assertThat(chart.findElements(By.cssSelector("details table tbody tr"))).isNotEmpty();
        }
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).isEmpty();
        browser.executeScript("document.getElementById('chart-verb-noun').scrollIntoView()");
        screenshot("report.png");
    }

    @Test
    void theChartsAccountForTheRunsTotals() {
        long proposed = counts.examples() + counts.rejected();
        assertThat(total("yield")).isEqualTo(proposed);
        assertThat(total("length-instruction")).isEqualTo(proposed);
        assertThat(total("length-output")).isEqualTo(proposed);
        assertThat(total("methods")).isEqualTo(counts.examples());
        assertThat(total("licenses")).isEqualTo(counts.examples());
        assertThat(total("stages")).isEqualTo(counts.rejected());
        assertThat(total("evol-operations")).isEqualTo(counts.evolved());
        assertThat(total("novelty-pool")).isEqualTo(counts.generated() + counts.evolved());
        assertThat(total("over-time")).isEqualTo(counts.generated() + counts.evolved());
        assertThat(browser.findElement(By.cssSelector("#chart-yield details table")).getAttribute("textContent"))
                .contains("accepted" + counts.examples());
        assertThat(browser.findElement(By.cssSelector("#chart-verb-noun p.reading")).getText())
                .contains("distinct root verbs");
    }

    @Test
    void theSampleTableCanBeSearched() throws IOException {
        WebElement search = browser.findElement(By.id("sample-search"));
        String id = browser.findElement(By.cssSelector("#sample-table tbody tr td")).getText();
        search.sendKeys(id);
        long visible = browser.findElements(By.cssSelector("#sample-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).count();
        assertThat(visible).isBetween(1L, 3L);
        search.clear();
    }

    private static long total(String chart) {
        return Long.parseLong(browser.findElement(By.id("chart-" + chart)).getAttribute("data-total"));
    }

    /** With -Dinstructgen.screenshots=DIR, saves what the browser shows (for docs/report.md). */
    static void screenshot(String name) throws IOException {
        String dir = System.getProperty("instructgen.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
