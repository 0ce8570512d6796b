package dev.tally.emulator.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The fixed, hand-written part of the dataset: LUMI's allocators, offerings, components and option metadata. */
final class Catalog {

    /** A national allocator and its LUMI share offering. {@code offeringCountry} is blank when only the name says it. */
    record Allocator(String name, String abbreviation, String country, String countryName, String offeringCountry,
                     int weight, boolean ownsShare) {
        /** The organisation's slug, which also names its allocator user: the abbreviation in lower case. */
        String slug() {
            return abbreviation.toLowerCase(Locale.ROOT);
        }

        /** The share offering's name, "LUMI " and the country's name. */
        String offeringName() {
            return "LUMI " + countryName;
        }
    }

    /** An offering component; all LUMI components are billed by limit, per month. */
    record Component(String type, String name, String measuredUnit) {
    }

    record Price(String type, BigDecimal price) {
    }

    static final Component CPU = new Component("cpu_k_hours", "CPU allocation", "CPU kH");
    static final Component GPU = new Component("gpu_k_hours", "GPU allocation", "GPU kH");
    static final Component STORAGE = new Component("gb_k_hours", "Storage allocation", "GB kH");
    static final List<Component> LUMI_COMPONENTS = List.of(CPU, GPU, STORAGE);

    // The real beta allocators (waldur-docs project-api-examples.md) plus Iceland (api.md usage example).
    // DeiC owns its own share, as in the 2021 "LUMI Denmark" capture; LUMI owns the others (later SDK guide).
    static final List<Allocator> ALLOCATORS = List.of(
            new Allocator("Danish e-Infrastructure Cooperation", "DeiC", "DK", "Denmark", "DK", 10, true),
            new Allocator("Estonian Scientific Computing Infrastructure", "ETAIS", "EE", "Estonia", "", 6, false),
            new Allocator("CSC – IT Center for Science", "CSC", "FI", "Finland", "FI", 22, false),
            new Allocator("Swedish National Infrastructure for Computing", "SNIC", "SE", "Sweden", "SE", 14, false),
            new Allocator("Swiss National Supercomputing Centre", "CSCS", "CH", "Switzerland", "", 8, false),
            new Allocator("IT4Innovations", "IT4I", "CZ", "Czech Republic", "CZ", 9, false),
            new Allocator("The Polish Grid Infrastructure", "PL-Grid", "PL", "Poland", "PL", 10, false),
            new Allocator("UNINETT Sigma2 AS", "Sigma2", "NO", "Norway", "NO", 10, false),
            new Allocator("VLAAMS SUPERCOMPUTER CENTRUM", "VSC", "BE", "Belgium", "", 7, false),
            new Allocator("University of Iceland", "UoI", "IS", "Iceland", "", 4, false));

    /**
     * A "LUMI &lt;Country&gt; / &lt;access type&gt;" offering beside a country's share offering (which keeps its
     * old name, without an access type), and the share's allocations it takes instead: those whose
     * generation index modulo 10 is one of {@code residues}, so no random draw decides it.
     */
    record AccessOffering(String shareOffering, String accessType, List<Integer> residues) {
        String name() {
            return shareOffering + " / " + accessType;
        }
    }

    // Access types as LUMI names them in its offerings; each residue belongs to at most one offering per share.
    // Shares whose per-offering counts the emulator's own tests pin (Finland, Sweden, Estonia, Denmark,
    // Switzerland) keep all their allocations.
    static final List<AccessOffering> ACCESS_OFFERINGS = List.of(
            new AccessOffering("LUMI Czech Republic", "Regular", List.of(0, 1, 2, 3)),
            new AccessOffering("LUMI Czech Republic", "Extreme Scale", List.of(4)),
            new AccessOffering("LUMI Czech Republic", "Benchmark", List.of(5)),
            new AccessOffering("LUMI Norway", "Regular", List.of(0, 1, 2)),
            new AccessOffering("LUMI Norway", "Development", List.of(3)),
            new AccessOffering("LUMI Poland", "Fast Track Academia", List.of(6)),
            new AccessOffering("LUMI Belgium", "Fast Track Industry", List.of(7)));

    static final String PROVIDER_NAME = "Large Unified Modern Infrastructure";

    /** The seed's "LUMI Common" prices (puhuri-web resource-allocation-management.md). */
    static final List<Price> COMMON_PRICES = List.of(
            new Price("cpu_k_hours", new BigDecimal("0.1")),
            new Price("gpu_k_hours", new BigDecimal("0.5")),
            new Price("gb_k_hours", new BigDecimal("0.001")));

    /** One share negotiated different prices, so per-offering price lookup is exercised. */
    static final String DIFFERENT_PRICES_OFFERING = "LUMI Switzerland";
    static final List<Price> SWISS_PRICES = List.of(
            new Price("cpu_k_hours", new BigDecimal("0.12")),
            new Price("gpu_k_hours", new BigDecimal("0.6")),
            new Price("gb_k_hours", new BigDecimal("0.0015")));

    static final List<String> AI_TECH = List.of(
            "Audio (speech recognition/speech synthesis/etc)",
            "Decision management: Classified and statistical learning methods",
            "Deep Learning",
            "Generative Language Modeling",
            "Machine Learning",
            "Natural Language Processing",
            "Other",
            "Robotic process automation",
            "Virtual agents",
            "Vision (image recognition/image generation/text recognition OCR/etc)");

    static final List<String> OECD_CODES = List.of(
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8",
            "2.9", "2.10", "2.11", "3.1", "3.2", "3.3", "4.1", "4.2", "5.1", "5.2", "5.4", "6.1", "6.2", "6.5");

    static String oecdLabel(String code) {
        return switch (code.substring(0, code.indexOf('.'))) {
            case "1" -> "Natural sciences";
            case "2" -> "Engineering and technology";
            case "3" -> "Medical and health sciences";
            case "4" -> "Agricultural sciences";
            case "5" -> "Social sciences";
            default -> "Humanities";
        } + " (" + code + ")";
    }

    // Non-ASCII names on purpose: clients must keep UTF-8 intact end to end.
    static final List<String> PROJECT_TOPICS = List.of(
            "Ångström-lab", "Þór", "Łódź", "Climate downscaling", "Genomics", "Turbulence", "Protein folding",
            "Quantum chemistry", "LLM pretraining", "Seismic imaging", "Astrophysics", "Materials discovery",
            "Hydrology", "Ørsted wind", "Tähtitiede", "Český jazyk NLP", "Zürich CFD", "Epidemiology",
            "Fusion plasma", "Sámi language models", "Ocean circulation", "Neuro imaging", "Battery chemistry",
            "Arctic ice", "Particle physics", "Drug screening", "Speech corpora", "Traffic flow", "Bioinformatics",
            "Crystal growth");

    static final List<String> PROJECT_SUFFIXES = List.of(
            "pilot", "study", "simulation", "benchmark", "training", "analysis", "production", "consortium");

    private Catalog() {
    }
}
