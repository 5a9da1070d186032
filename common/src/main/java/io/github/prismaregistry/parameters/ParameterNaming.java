package io.github.prismaregistry.parameters;

/**
 * How a front end's users write a parameter, so that a message points at the thing to change. Every error about a
 * parameter goes through this; nothing is renamed after the fact.
 */
@FunctionalInterface
public interface ParameterNaming {

    /** Maven: {@code <cap> / -DprismaRegistry.cap}. */
    ParameterNaming MAVEN = parameter -> "<" + parameter.name() + "> / -D" + parameter.propertyName();

    /** Jenkins steps and configuration: the field name, {@code cap}. */
    ParameterNaming JENKINS = Parameter::name;

    /** The command line: {@code --cap}. */
    ParameterNaming CLI = Parameter::optionName;

    /** The catalogue name alone, for callers that have no spelling of their own. */
    ParameterNaming PLAIN = Parameter::name;

    String spell(Parameter<?> parameter);
}
