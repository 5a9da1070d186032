package io.github.prismaregistry.console;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.RegistryLog;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelaySocketsTest {

    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (Socket unconnected = sockets.createSocket()) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket byName = sockets.createSocket("127.0.0.1", server.getLocalPort());
             Socket byAddress = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(byName.getTcpNoDelay()).isTrue();
            assertThat(byAddress.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theConsoleClientConnectsThroughIt() throws Exception {
        for (String url : new String[]{"http://127.0.0.1:8081", "https://console.example.com:8083"}) {
            ConsoleConnection connection = ConsoleConnection.builder(url)
                    .credentials(ConsoleCredentials.usernamePassword("user", "password")).build();
            try (ConsoleClient client = ConsoleClient.create(connection, RegistryLog.silent(), Timing.DEFAULT)) {
                assertThat(client.httpClient().socketFactory()).isInstanceOf(NoDelaySockets.class);
            }
        }
    }
}
