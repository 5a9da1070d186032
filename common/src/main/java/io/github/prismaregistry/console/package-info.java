/** The HTTP client for one Console: API version, login, TLS, proxy, retries and typed, secret-free errors. Internal. */
package io.github.prismaregistry.console;
