package com.partnerops.reconcile.domain;

/**
 * A setting a message may tell the admin to use. The domain and the readers never name a command-line flag: the
 * same words show in a web page. Each surface words a setting its own way ({@link SettingNames}).
 */
public enum Setting {
    /** The customers a plan is limited to. */
    CUSTOMER("customer", "--customer"),
    /** The worksheet of a workbook to read. */
    SHEET("sheet", "--sheet"),
    /** The price list the license report costs seats with. */
    PRICES("prices", "--prices"),
    /** How many days before a term ends unused seats become an action. */
    RENEWAL_DAYS("renewal-days", "--renewal-days"),
    /** Who the license report is mailed to. */
    MAIL_TO("mail-to", "--mail-to");

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
