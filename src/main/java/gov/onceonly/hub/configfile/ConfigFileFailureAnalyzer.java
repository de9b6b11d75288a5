package gov.onceonly.hub.configfile;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken configuration file into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class ConfigFileFailureAnalyzer extends AbstractFailureAnalyzer<ConfigFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the files at the lines named above (relative to hub.config-root), then start the hub again; "
                + "'java -jar hub.jar lint <config-root>' lists every mistake of every file at once.", cause);
    }
}
