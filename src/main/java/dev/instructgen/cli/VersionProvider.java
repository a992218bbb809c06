package dev.instructgen.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The tool version, "dev" when not running from the jar. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"instructgen " + version()};
    }
}
