/**
 * A stand-in for the Prisma Cloud Compute Console's registry-scan settings API, for tests, demos and benchmarks.
 *
 * <p>Start one with {@link io.github.prismaregistry.simulator.ConsoleSimulator#builder()}, from JUnit 5 with
 * {@link io.github.prismaregistry.simulator.ConsoleSimulatorExtension}, or from a shell with
 * {@link io.github.prismaregistry.simulator.Main}.
 */
package io.github.prismaregistry.simulator;
