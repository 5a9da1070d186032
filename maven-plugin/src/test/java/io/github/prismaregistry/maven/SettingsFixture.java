package io.github.prismaregistry.maven;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Real settings.xml parsing and decryption, as Maven does it, from the files in src/test/resources/settings. */
final class SettingsFixture {

    static final Path DIRECTORY = Path.of("src/test/resources/settings");
    static final Path SECURITY = DIRECTORY.resolve("settings-security.xml");

    private SettingsFixture() {
    }

    static Settings settings(String fileName) throws SettingsBuildingException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(DIRECTORY.resolve(fileName).toFile());
        return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
    }

    /** A decrypter reading the master password from the given file, never from ~/.m2. */
    static SettingsDecrypter decrypter(Path settingsSecurity) {
        return new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), settingsSecurity.toString()));
    }

    static SettingsDecrypter decrypter() {
        return decrypter(SECURITY);
    }
}
