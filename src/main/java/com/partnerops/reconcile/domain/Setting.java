package com.partnerops.reconcile.domain;

/**
 * A setting a message may tell the admin to use. The domain and the readers never name a command-line flag: the
 * same words show in a web page. Each surface words a setting its own way ({@link SettingNames}).
 */
public enum Setting {
    /** The customers a plan is limited to. */
    CUSTOMER("customer", "--customer"),
    /** The worksheet of a workbook to read. */
    SHEET("sheet", "--sheet");

    private final String name;
    private final String flag;

    Setting(String name, String flag) {
        this.name = name;
        this.flag = flag;
    }

    /** How a message names the setting when it cannot know the surface: "the 'sheet' setting". */
    public String neutral() {
        return "the '" + name + "' setting";
    }

    /** The command line's flag for it. */
    public String flag() {
        return flag;
    }
}
