package dev.tally.core.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryResolverTest {
    private final CountryResolver resolver = CountryResolver.standard();

    @ParameterizedTest
    @CsvSource({
        "LUMI Denmark, , Denmark, NAME",
        "LUMI Czech Republic, CZ, Czech Republic, NAME",
        "LUMI Finland / Fast Track Access, FI, Finland, NAME",
        "LUMI UoI / Fast Track Access for Industry Access, IS, Iceland, COUNTRY_FIELD",
        "LUMI Norway, , Norway, NAME"})
    void resolvesLumiSharesByNameThenCountryField(String name, String code, String expected, CountrySource source) {
        CountryShare share = resolver.resolve("x", name, code);

        assertThat(share).isEqualTo(CountryShare.country(expected, source));
    }

    @Test
    void nonLumiOfferingWithCountryIsNotAShare() {
        assertThat(resolver.resolve("x", "Object storage", "FI")).isEqualTo(CountryShare.nonShare("Object storage"));
    }

    @Test
    void lumiServicesThatAreNotShareOfferingsAreNotInFinlandsShare() {
        // LUMI's object storage and scripts carry Finland's code; only "LUMI <Country>" offerings are shares
        assertThat(resolver.resolve("x", "LUMI-O object storage", "FI")).isEqualTo(CountryShare.nonShare("LUMI-O object storage"));
        assertThat(resolver.resolve("x", "LUMI custom script", "FI")).isEqualTo(CountryShare.nonShare("LUMI custom script"));
    }

    @Test
    void lumiOfferingWithoutResolvableCountryIsUnassigned() {
        assertThat(resolver.resolve("x", "LUMI Atlantis", null)).isEqualTo(CountryShare.unassigned());
    }

    @Test
    void configuredMappingWinsByUuidOrName() {
        CountryResolver configured = new CountryResolver(Map.of("abc", "Sweden", "LUMI-O", "Finland"), Countries.ISO_TO_NAME);

        assertThat(configured.resolve("abc", "LUMI Denmark", "DK")).isEqualTo(CountryShare.country("Sweden", CountrySource.MAPPING));
        assertThat(configured.resolve("zzz", "LUMI-O", null)).isEqualTo(CountryShare.country("Finland", CountrySource.MAPPING));
    }

    @Test
    void countryFieldCountsForAnOfferingOfAProviderConfiguredAsLumi() {
        CountryResolver configured = CountryResolver.of(Map.of(), java.util.Set.of("lumi-provider-uuid"));

        assertThat(configured.resolve("x", "Fast Track for Industry", "NO", "lumi-provider-uuid", "LUMI"))
                .isEqualTo(CountryShare.country("Norway", CountrySource.COUNTRY_FIELD));
        assertThat(configured.resolve("x", "Fast Track for Industry", "NO", "other", "Other"))
                .isEqualTo(CountryShare.nonShare("Fast Track for Industry"));
        assertThat(configured.resolve("x", "Fast Track for Industry", null, "lumi-provider-uuid", "LUMI"))
                .isEqualTo(CountryShare.unassigned());
    }
}
