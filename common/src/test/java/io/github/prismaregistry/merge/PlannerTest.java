package io.github.prismaregistry.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DesiredEntry desired(String type, String registry, String repository, String tag) {
        return desired(type, registry, repository, tag, "{}");
    }

    private static DesiredEntry desired(String type, String registry, String repository, String tag, String explicit) {
        ObjectNode e = json("{\"version\":\"" + type + "\",\"registry\":\"" + registry + "\",\"repository\":\"" + repository
                + "\",\"tag\":\"" + tag + "\",\"os\":\"linux\",\"cap\":5,\"scanners\":2,\"collections\":[\"All\"]}");
        return new DesiredEntry(e, json(explicit));
    }

    private static List<JsonNode> entries(String... objects) {
        List<JsonNode> list = new ArrayList<>();
        for (String o : objects) {
            list.add(json(o));
        }
        return list;
    }

    private static final DesiredEntry APP = desired("2", "registry.example.com", "team/app", "");

    @Test
    void addsWhenNoEntryMatches() {
        Plan plan = Planner.planRegister(entries(
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/other\",\"tag\":\"\"}",
                "{\"version\":\"2\",\"registry\":\"other.example.com\",\"repository\":\"team/app\",\"tag\":\"\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }

    @Test
    void exactEntryCoversDespiteSchemeTrailingSlashAndCaseInRegistry() {
        Plan plan = Planner.planRegister(entries(
                "{\"version\":\"2\",\"registry\":\"x.example\",\"repository\":\"a\"}",
                "{\"version\":\"2\",\"registry\":\"https://Registry.Example.com/\",\"repository\":\"team/app\",\"tag\":\"\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
        assertThat(plan.index()).isEqualTo(1);
    }

    @Test
    void dockerHubAliasesAndImplicitLibraryPrefixAreTheSameEntry() {
        DesiredEntry ubuntu = desired("2", "", "library/ubuntu", "");

        assertThat(Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"docker.io\",\"repository\":\"ubuntu\"}"), ubuntu, false).kind())
                .isEqualTo(Plan.Kind.ALREADY_COVERED);
        assertThat(Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"https://index.docker.io\",\"repository\":\"library/ubuntu\"}"), ubuntu, false).kind())
                .isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void wildcardEmptyAndStarRepositoriesCover() {
        for (String repo : new String[]{"team/*", "*", "", "t*/a*"}) {
            Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"" + repo + "\",\"tag\":\"\"}"), APP, false);
            assertThat(plan.kind()).as(repo).isEqualTo(Plan.Kind.ALREADY_COVERED);
        }
    }

    @Test
    void entryWithoutRepositoryFieldCoversTheWholeRegistry() {
        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"os\":\"linux\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void patternForAnotherTeamDoesNotCover() {
        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"other/*\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }

    @Test
    void sameRepositoryWithAnotherRegistryTypeDoesNotCover() {
        Plan plan = Planner.planRegister(entries("{\"version\":\"harbor\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }

    @Test
    void entryPinnedToOneTagDoesNotCoverTheWholeRepository() {
        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"tag\":\"1.0\"}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }

    @Test
    void tagPatternCoversAPinnedTag() {
        DesiredEntry pinned = desired("2", "registry.example.com", "team/app", "release-7");

        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"tag\":\"release-*\"}"), pinned, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void patternThatExcludesOurRepositoryDoesNotCoverIt() {
        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/*\","
                + "\"excludedRepositories\":[\"team/app\"]}"), APP, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }

    @Test
    void exactEntryIsPreferredAsTheCoveringEntry() {
        Plan plan = Planner.planRegister(entries(
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"*\"}",
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"tag\":\"\"}"), APP, false);

        assertThat(plan.index()).isEqualTo(1);
    }

    @Test
    void withoutUpdateExistingAnExactEntryWithOtherManagedFieldsCountsAsCovering() {
        DesiredEntry capTen = desired("2", "registry.example.com", "team/app", "", "{\"cap\":10}");

        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"cap\":5}"), capTen, false);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void updateExistingChangesOnlyTheRequestedManagedFieldsAndKeepsEverythingElseInOrder() {
        DesiredEntry wanted = desired("2", "registry.example.com", "team/app", "", "{\"cap\":0,\"collections\":[\"Prod\"]}");
        String original = "{\"id\":\"abc\",\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\","
                + "\"tag\":\"\",\"cap\":5,\"os\":\"linux\",\"collections\":[\"All\"],\"caCert\":\"PEM\",\"gitlabRegistrySpec\":{\"userID\":\"7\"}}";

        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"other\"}", original), wanted, true);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.UPDATE);
        assertThat(plan.index()).isEqualTo(1);
        assertThat(Json.text(plan.updatedEntry())).isEqualTo(original.replace("\"cap\":5", "\"cap\":0").replace("[\"All\"]", "[\"Prod\"]"));
    }

    @Test
    void updateExistingWithEqualFieldsWritesNothing() {
        DesiredEntry wanted = desired("2", "registry.example.com", "team/app", "", "{\"cap\":5,\"collections\":[\"B\",\"A\"]}");

        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\","
                + "\"cap\":5.0,\"collections\":[\"A\",\"B\"]}"), wanted, true);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void updateExistingNeverChangesSomeoneElsesWildcardEntry() {
        DesiredEntry wanted = desired("2", "registry.example.com", "team/app", "", "{\"cap\":1}");

        Plan plan = Planner.planRegister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/*\",\"cap\":5}"), wanted, true);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ALREADY_COVERED);
    }

    @Test
    void unregisterRemovesEveryExactDuplicateAndNothingElse() {
        List<JsonNode> list = entries(
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"tag\":\"\"}",
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/*\"}",
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/app\",\"tag\":\"1.0\"}",
                "{\"version\":\"2\",\"registry\":\"https://registry.example.com\",\"repository\":\"team/app\",\"cap\":9}");

        Plan plan = Planner.planUnregister(list, APP);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.REMOVE);
        assertThat(plan.removeIndexes()).containsExactly(0, 3);
    }

    @Test
    void unregisterNeverRemovesACoveringWildcard() {
        Plan plan = Planner.planUnregister(entries("{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"team/*\"}",
                "{\"version\":\"2\",\"registry\":\"registry.example.com\",\"repository\":\"\"}"), APP);

        assertThat(plan.kind()).isEqualTo(Plan.Kind.NOT_FOUND);
    }

    @Test
    void nonObjectEntriesAreIgnored() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        list.add(Json.MAPPER.readTree("null"));
        list.add(Json.MAPPER.readTree("\"text\""));

        assertThat(Planner.planRegister(list, APP, true).kind()).isEqualTo(Plan.Kind.ADD);
        assertThat(Planner.planUnregister(list, APP).kind()).isEqualTo(Plan.Kind.NOT_FOUND);
    }

    @Test
    void plansOverTheFullLimitOfEntries() {
        List<JsonNode> list = new ArrayList<>();
        for (int i = 0; i < 19_999; i++) {
            list.add(json("{\"version\":\"2\",\"registry\":\"https://registry-" + (i % 50) + ".example.com/\",\"repository\":\"team-"
                    + (i % 23) + "/svc-" + i + "\",\"tag\":\"\",\"os\":\"linux\",\"cap\":5,\"collections\":[\"All\"],"
                    + "\"excludedRepositories\":[\"x/*\"]}"));
        }
        DesiredEntry missing = desired("2", "registry-7.example.com", "team-1/new", "");
        for (int warm = 0; warm < 30; warm++) {
            Planner.planRegister(list, missing, true);
        }
        int runs = 60;
        long start = System.nanoTime();
        Plan plan = null;
        for (int i = 0; i < runs; i++) {
            plan = Planner.planRegister(list, missing, true);
        }
        long micros = (System.nanoTime() - start) / runs / 1000;
        System.out.println("Planner: 19,999 entries planned in " + micros + " µs on average over " + runs + " runs");

        assertThat(plan.kind()).isEqualTo(Plan.Kind.ADD);
    }
}
