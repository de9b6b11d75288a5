package gov.onceonly.hub.transparency;

import gov.onceonly.hub.accesslog.AccessLogEntry;

import java.util.List;

/** A subject's access log as served: who they are (a person or an enterprise) and every access, oldest first. */
public record SubjectAccessLog(String subject, String subjectType, int count, List<AccessLogEntry> entries) {
}
