/** Registry settings kept as the Console's own JSON, so entries this client does not understand survive every write. Internal. */
package io.github.prismaregistry.settings;
