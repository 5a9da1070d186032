package io.github.prismaregistry.scan;

import io.github.prismaregistry.api.PrismaRegistryException;

/**
 * No entry of the registry-scan settings covers the image, so the Console would not scan it. Nothing was triggered.
 * Register the image first.
 */
public class ImageNotCoveredException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public ImageNotCoveredException(String message) {
        super(message);
    }
}
