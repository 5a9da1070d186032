package io.github.prismaregistry.scan;

/** The gate's decision on a scan result. An error that kept it from deciding is an exception, never a verdict. */
public enum Verdict {
    /** No vulnerability counts under the policy. */
    PASSED,
    /** At least one vulnerability counts under the policy. */
    FAILED
}
