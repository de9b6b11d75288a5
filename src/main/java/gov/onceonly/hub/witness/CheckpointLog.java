package gov.onceonly.hub.witness;

/** A place outside the database where every witnessed checkpoint is published, for auditors to keep. */
public interface CheckpointLog extends AutoCloseable {

    /** Publishes the checkpoint of {@code size} entries: its note followed by the witnesses' cosignature lines. */
    void append(long size, String witnessedNote) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
