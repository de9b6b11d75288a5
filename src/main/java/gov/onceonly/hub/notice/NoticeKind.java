package gov.onceonly.hub.notice;

/**
 * What a target notice is: a withdrawal notice to the department that has an item of a withdrawn application, or a
 * certificate an item was decided with, for the e-certificate library's intake (归集). Each travels under its own
 * transport key, {@code <application>:<item>:<suffix>}, so that a target that keeps records by key does not take it for
 * a repeat of the item's record.
 */
public enum NoticeKind {
    WITHDRAWAL("withdrawal"), CERTIFICATE("certificate");

    private final String type;

    NoticeKind(String type) {
        this.type = type;
    }

    /** The envelope's {@code type}, and the suffix of the transport key. */
    public String type() {
        return type;
    }
}
