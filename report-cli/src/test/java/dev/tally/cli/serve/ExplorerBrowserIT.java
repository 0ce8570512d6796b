package dev.tally.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.command.CliRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The explorer in a real headless Chromium (Debian's chromium and chromium-driver; the browser profile
 * of report-cli's POM runs this only where they are installed): a bookmarked question shows
 * {@code tally query}'s answer cell for cell, a click drills down, the workbook downloads, and a bad
 * filter shows the command's one-line message.
 */
class ExplorerBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** How many times a condition on the page is checked, 100 ms apart, before the test gives up. */
    private static final int POLLS = 600;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @TempDir
    static Path dir;
    private static ExplorerServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = Explorer.start();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bookmarkedQuestionDrillDownAndDownloadMatchTallyQuery() throws Exception {
        browser.get(server.url() + "?month=2026-10&group-by=country,is_industry&measure=cost,allocations,usage.gpu_k_hours&subtotals=true");
        awaitAnswer(0);
        assertEquals(cli("--group-by", "country,is_industry", "--subtotals"), pageTable());
        // money to the cent, as `tally query` prints it (the JSON behind the page has 10 decimals)
        String totalCost = browser.findElements(By.cssSelector("#answer tfoot td")).get(2).getText();
        assertTrue(totalCost.matches("\\d{1,3}(,\\d{3})*\\.\\d{2}"), totalCost);
        assertEquals("Period: 2026-10 (2026-10-01 to 2026-10-31)", browser.findElements(By.cssSelector("#question-lines li")).get(0).getText());
        assertTrue(browser.getTitle().startsWith("Tally explorer: 2026-10"), browser.getTitle());

        // drill down: the first row (Belgium, true) filters by its country and groups by the next dimension
        int before = shown();
        WebElement first = browser.findElement(By.cssSelector("#answer tbody tr.drill"));
        assertEquals("Belgium", first.findElements(By.tagName("td")).get(0).getText());
        first.click();
        awaitAnswer(before);
        assertEquals(cli("--group-by", "is_industry", "--subtotals", "--where", "country = 'Belgium'"), pageTable());
        assertTrue(browser.getCurrentUrl().contains("where=country+%3D+%27Belgium%27"), browser.getCurrentUrl());
        assertEquals("Start › country = 'Belgium'", browser.findElement(By.id("breadcrumb")).getText());

        // the current answer as a workbook, through tally query's own renderer
        browser.findElement(By.id("download-xlsx")).click();
        Path xlsx = await(() -> downloaded(dir.resolve("downloads")), "the downloaded workbook");
        Path cliFile = dir.resolve("cli.xlsx");
        CliRun run = CliRun.of(args(List.of("--group-by", "is_industry", "--subtotals", "--where", "country = 'Belgium'",
                "--format", "xlsx", "--out", cliFile.toString())));
        assertEquals(0, run.code(), run.err());
        assertEquals(ExplorerServerTest.cells(Files.readAllBytes(cliFile)), ExplorerServerTest.cells(Files.readAllBytes(xlsx)));

        // back along the breadcrumb: the first answer again
        before = shown();
        browser.findElement(By.cssSelector("#breadcrumb a")).click();
        awaitAnswer(before);
        assertEquals(cli("--group-by", "country,is_industry", "--subtotals"), pageTable());
    }

    @Test
    void aBadFilterShowsTallyQuerysMessage() {
        browser.get(server.url() + "?month=2026-10&group-by=country&measure=cost");
        awaitAnswer(0);
        int before = shown();
        WebElement where = browser.findElement(By.id("where"));
        where.clear();
        where.sendKeys("country ==");
        browser.findElement(By.id("show")).click();
        awaitAnswer(before);
        CliRun run = CliRun.of(args(List.of("--group-by", "country", "--where", "country ==")));
        assertEquals(2, run.code());
        WebElement error = browser.findElement(By.id("error"));
        assertTrue(error.isDisplayed());
        assertEquals(run.err().lines().findFirst().orElseThrow(), error.getText());
    }

    @Test
    void theFilterCompletesDimensionValues() {
        browser.get(server.url() + "?month=2026-10&group-by=country&measure=cost");
        awaitAnswer(0);
        WebElement where = browser.findElement(By.id("where"));
        where.clear();
        where.sendKeys("is_industry = true and country in ('Fin");
        List<?> options = await(() -> {
            Object o = ((JavascriptExecutor) browser).executeScript(
                    "return [...document.querySelectorAll('#where-completions option')].map(o => o.value);");
            return o instanceof List<?> l && !l.isEmpty() ? l : null;
        }, "completions");
        assertEquals(List.of("is_industry = true and country in ('Finland'"), options);
    }

    /** The table on the page: the header, then each row as its kind and its cells' text, the total row last. */
    private static List<List<String>> pageTable() {
        List<List<String>> out = new ArrayList<>();
        out.add(browser.findElements(By.cssSelector("#answer thead th")).stream().map(WebElement::getText).toList());
        for (WebElement tr : browser.findElements(By.cssSelector("#answer tbody tr, #answer tfoot tr"))) {
            List<String> row = new ArrayList<>(List.of(tr.getAttribute("data-row")));
            tr.findElements(By.tagName("td")).forEach(td -> row.add(td.getText()));
            out.add(row);
        }
        return out;
    }

    /** The same table from {@code tally query --format json} for the question in {@code question}, run in-process. */
    private static List<List<String>> cli(String... question) throws Exception {
        List<String> args = new ArrayList<>(List.of(question));
        args.addAll(List.of("--format", "json"));
        CliRun run = CliRun.of(args(args));
        assertEquals(0, run.code(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        List<List<String>> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> money = new ArrayList<>();
        answer.get("columns").forEach(c -> {
            keys.add(c.get("key").asText());
            titles.add(c.get("title").asText());
            if (c.get("type").asText().equals("money")) {
                money.add(c.get("key").asText());
            }
        });
        out.add(titles);
        for (JsonNode r : answer.get("rows")) {
            out.add(row(r.has("_row") ? r.get("_row").asText() : "detail", keys, money, r));
        }
        if (answer.has("totals")) {
            out.add(row("total", keys, money, answer.get("totals")));
        }
        return out;
    }

    /** A row as the page shows it: money to the cent with thousands separators, as the table output; the rest as JSON has it. */
    private static List<String> row(String kind, List<String> keys, List<String> money, JsonNode r) {
        List<String> row = new ArrayList<>(List.of(kind));
        keys.forEach(k -> row.add(r.get(k).isNull() ? "" : money.contains(k)
                ? String.format(java.util.Locale.ROOT, "%,.2f", r.get(k).decimalValue().setScale(2, java.math.RoundingMode.HALF_UP))
                : r.get(k).asText()));
        return row;
    }

    private static String[] args(List<String> question) {
        List<String> args = new ArrayList<>(List.of("query", "--snapshot", DemoSnapshot.get().toString(), "--month", "2026-10",
                "--measure", question.contains("--where") && question.contains("country ==") ? "cost" : "cost,allocations,usage.gpu_k_hours"));
        args.addAll(question);
        return args.toArray(String[]::new);
    }

    private static int shown() {
        Object v = ((JavascriptExecutor) browser).executeScript("return document.body.dataset.shown || '0';");
        return Integer.parseInt(String.valueOf(v));
    }

    /** Waits until the page has shown one more answer than {@code before}. */
    private static void awaitAnswer(int before) {
        await(() -> shown() > before ? Boolean.TRUE : null, "the page's answer");
    }

    private static Path downloaded(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static <T> T await(Supplier<T> condition, String what) {
        for (int i = 0; i < POLLS; i++) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("no " + what + " after " + POLLS + " checks");
    }
}
