/**
 * Scan and gate: have the Console scan one image on demand, wait for that very scan's result, judge it against a
 * {@link io.github.prismaregistry.scan.GatePolicy} and write reports. Entry point: {@link io.github.prismaregistry.scan.ImageScanner}.
 * A policy failure is a {@link io.github.prismaregistry.scan.ScanResult} with verdict FAILED; anything that kept the
 * gate from judging is a {@link io.github.prismaregistry.api.PrismaRegistryException}, never a verdict.
 */
package io.github.prismaregistry.scan;
