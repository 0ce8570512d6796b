package dev.tally.cli.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.command.CliRun;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's endpoints answer exactly what {@code tally query} answers for the same question. */
class ExplorerServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "month=2026-10&group-by=country,is_industry&measure=cost,allocations,usage.gpu_k_hours"
            + "&where=" + enc("access_type != 'Development' and country != 'Training sandbox'") + "&subtotals=true";
    private static final String[] SAME_QUESTION = {"--month", "2026-10", "--group-by", "country,is_industry",
        "--measure", "cost,allocations,usage.gpu_k_hours", "--where", "access_type != 'Development' and country != 'Training sandbox'",
        "--subtotals"};
    private static ExplorerServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Explorer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bindsTheLoopbackAddressGiven() {
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertEquals("http://127.0.0.1:" + server.address().getPort() + "/", server.url());
    }

    @Test
    void answerIsTallyQueryJsonByteForByte() throws Exception {
        HttpResponse<byte[]> r = Explorer.get(server, "/api/answer?" + QUESTION);
        CliRun cli = query("--format", "json");
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(cli.out(), Explorer.text(r));
        JsonNode answer = JSON.readTree(r.body());
        // a real answer: subtotal rows typed by the engine, a total row, and the question it answers
        assertTrue(answer.get("rows").size() > 10, Explorer.text(r));
        assertEquals("subtotal", answer.get("rows").get(3).get("_row").asText());
        assertEquals("Subtotal", answer.get("rows").get(3).get("is_industry").asText());
        assertEquals("2026-10", answer.get("query").get("period").asText());
    }

    @Test
    void csvDownloadIsTallyQueryCsv() throws Exception {
        HttpResponse<byte[]> r = Explorer.get(server, "/api/download?" + QUESTION + "&format=csv");
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"tally-query.csv\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(query("--format", "csv").out(), Explorer.text(r));
    }

    @Test
    void xlsxDownloadHasTallyQueryWorkbookCells(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> r = Explorer.get(server, "/api/download?format=xlsx&" + QUESTION);
        Path file = dir.resolve("cli.xlsx");
        CliRun cli = query("--format", "xlsx", "--out", file.toString());
        assertEquals(0, cli.code(), cli.err());
        assertEquals(200, r.statusCode());
        assertEquals(cells(Files.readAllBytes(file)), cells(r.body()));
        assertEquals("Country share or other offering", cells(r.body()).get(0).get(0));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the server's scratch workbook is not left in the test's folder");
        }
    }

    @Test
    void questionLinesAreTheCliHeaderComment() throws Exception {
        JsonNode lines = JSON.readTree(Explorer.get(server, "/api/question?" + QUESTION).body()).get("lines");
        List<String> expected = query("--format", "csv", "--header-comment").out().lines()
                .filter(l -> l.startsWith("# ")).map(l -> l.substring(2)).toList();
        assertEquals(expected, JSON.convertValue(lines, List.class));
        assertEquals("Period: 2026-10 (2026-10-01 to 2026-10-31)", lines.get(0).asText());
        assertEquals("Data as of: 2026-11-01 00:00 UTC", lines.get(lines.size() - 1).asText());
    }

    @Test
    void valuesOfADimensionCompleteTheFilter() throws Exception {
        HttpResponse<byte[]> r = Explorer.get(server, "/api/values?dimension=country");
        assertEquals(200, r.statusCode());
        assertEquals(List.of("Belgium", "Czech Republic", "Denmark", "Estonia", "Finland", "Iceland", "Norway", "Poland", "Sweden",
                "Switzerland", "LUMI-O object storage", "Training sandbox"), JSON.readValue(r.body(), List.class));
        assertEquals(List.of("true", "false", "unknown"), JSON.readValue(Explorer.get(server, "/api/values?dimension=is_industry").body(),
                List.class));
        assertEquals(List.of(), JSON.readValue(Explorer.get(server, "/api/values?dimension=month").body(), List.class));
    }

    @Test
    void metaNamesTheSnapshotAndItsChoices() throws Exception {
        JsonNode meta = JSON.readTree(Explorer.get(server, "/api/meta").body());
        assertEquals("2026-11-01 00:00 UTC", meta.get("data_as_of").asText());
        assertEquals("2026-10", meta.get("default_month").asText());
        assertEquals("project", meta.get("dimensions").get(0).get("key").asText());
        assertTrue(meta.get("measures").toString().contains("\"usage.gpu_k_hours\""), meta.toString());
    }

    @Test
    void pageAndItsFilesAreServedFromTheJar() throws Exception {
        HttpResponse<byte[]> page = Explorer.get(server, "/");
        assertEquals(200, page.statusCode());
        assertTrue(Explorer.text(page).contains("<script src=\"/explorer.js\" defer></script>"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));
        assertEquals("text/javascript; charset=utf-8", Explorer.get(server, "/explorer.js").headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, Explorer.get(server, "/explorer.css").statusCode());
        for (String file : List.of("/", "/explorer.js", "/explorer.css")) {
            String text = Explorer.text(Explorer.get(server, file));
            assertTrue(!text.contains("http://") && !text.contains("https://") || text.contains("http://www.w3.org/2000/svg"),
                    file + " loads nothing from the internet");
        }
    }

    static CliRun query(String... format) {
        List<String> args = new ArrayList<>(List.of("query", "--snapshot", DemoSnapshot.get().toString()));
        args.addAll(List.of(SAME_QUESTION));
        args.addAll(List.of(format));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Every cell of the first sheet as Excel shows it, row by row. */
    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                        ? c.getCellFormula() : f.formatCellValue(c)));
                out.add(cells);
            }
        }
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
