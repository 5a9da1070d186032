package io.github.prismaregistry.merge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "team/*, team/app, true",
            "team/*, team/sub/app, true",
            "team/*, other/app, false",
            "*, anything/at/all, true",
            "*/app, team/app, true",
            "t*m/a*p, team/app, true",
            "team/app, team/app, true",
            "team/app, team/apps, false",
            "release-*, release-1.2, true",
            "release-*, rc-1, false",
            "a*b*c, abxbyc, true",
            "a*b*c, abxbyd, false",
            "**, '', true"})
    void matchesStarPatterns(String pattern, String text, boolean expected) {
        assertThat(Glob.matches(pattern, text, false)).isEqualTo(expected);
    }
}
