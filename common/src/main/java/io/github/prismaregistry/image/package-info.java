/** Image references (distribution grammar, Docker Hub spelling) and Prisma registry types inferred from hosts. */
package io.github.prismaregistry.image;
