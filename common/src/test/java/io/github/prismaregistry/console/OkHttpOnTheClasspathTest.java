package io.github.prismaregistry.console;

import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's tests ran on the OkHttp the build asked for: 4.12 normally, 4.11 (Jenkins' okhttp-api) with -Pokhttp-jenkins. */
class OkHttpOnTheClasspathTest {

    @Test
    void theTestsRunOnTheOkHttpVersionTheBuildDeclares() {
        assertThat(System.getProperty("okhttp.version")).as("okhttp.version passed by the build").isNotBlank();
        assertThat(OkHttp.VERSION).isEqualTo(System.getProperty("okhttp.version"));
    }
}
