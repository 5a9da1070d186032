package io.github.prismaregistry.api;

/**
 * How one registration of a call with several ended: its result, or the error it alone ran into. The others of the
 * call are not affected by it.
 */
public record RegistrationOutcome(RegistrationRequest request, RegistrationResult result, Exception error) {

    public static RegistrationOutcome succeeded(RegistrationRequest request, RegistrationResult result) {
        return new RegistrationOutcome(request, result, null);
    }

    public static RegistrationOutcome failed(RegistrationRequest request, Exception error) {
        return new RegistrationOutcome(request, null, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
