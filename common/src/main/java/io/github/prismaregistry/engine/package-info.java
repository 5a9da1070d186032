/** Read, plan, back up, write, read back and verify; one write at a time per Console in this JVM. Internal. */
package io.github.prismaregistry.engine;
