package io.github.prismaregistry.faultsuite;

/**
 * One line of the suite's table. {@code lost} is what fails the build. {@code foreignOverwritten} counts entries a
 * foreign writer added during the run that a later full-list write replaced: they did not exist when the scenario
 * started, so they are not "lost" by the suite's definition, but they are reported.
 */
record ScenarioRow(String scenario, int ourWrites, int entriesBefore, int entriesAfter, int lost, int duplicates,
        String outcome, int foreignOverwritten) {

    ScenarioRow(String scenario, int ourWrites, int entriesBefore, int entriesAfter, int lost, int duplicates,
            String outcome) {
        this(scenario, ourWrites, entriesBefore, entriesAfter, lost, duplicates, outcome, 0);
    }
}
