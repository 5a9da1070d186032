/**
 * The one catalogue of user-facing parameters: what each is called, its type, default and meaning, which operations use
 * it, and how a raw value becomes a checked one. Front ends hand over raw values ({@link
 * io.github.prismaregistry.parameters.ParameterSource}) and say how they spell a parameter ({@link
 * io.github.prismaregistry.parameters.ParameterNaming}); {@link io.github.prismaregistry.parameters.ParameterReader}
 * does the rest.
 */
package io.github.prismaregistry.parameters;
