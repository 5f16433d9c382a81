package com.partnerops.reconcile.domain;

/**
 * How one surface (the command line, a web page) names the settings its messages mention. A message stored in a
 * report is worded for its surface when it is made; a message the surface prints itself (an error) names the
 * setting {@link Setting#neutral() neutrally} and the surface words it with {@link #translate} as it prints.
 */
@FunctionalInterface
public interface SettingNames {

    /** The command line: flags. */
    SettingNames COMMAND_LINE = Setting::flag;
    /** No particular surface. */
    SettingNames NEUTRAL = Setting::neutral;

    String of(Setting setting);

    /** The text with every neutral mention of a setting worded for this surface. */
    default String translate(String text) {
        String worded = text;
        for (Setting setting : Setting.values()) {
            worded = worded.replace(setting.neutral(), of(setting));
        }
        return worded;
    }
}
