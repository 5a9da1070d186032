/** The pure planner: which entry covers a request, what to add, update or remove. No I/O. Internal. */
package io.github.prismaregistry.merge;
