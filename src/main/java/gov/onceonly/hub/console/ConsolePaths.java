package gov.onceonly.hub.console;

/** Where the console lives: its own security chain (config/SecurityConfiguration) guards everything under it. */
public final class ConsolePaths {

    public static final String HOME = "/console";
    public static final String ALL = "/console/**";
    public static final String LOGIN = "/console/login";
    public static final String LOGOUT = "/console/logout";
    /** The stylesheet: the login page needs it before anyone has logged in. */
    public static final String STATIC = "/console/assets/**";

    private ConsolePaths() {
    }
}
