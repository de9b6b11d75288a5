package gov.onceonly.hub.evidence;

/** Told of each checkpoint a hub signs, once it is stored: the witnesses and the checkpoint logs outside the database. */
public interface CheckpointObserver {

    void signed(Checkpoint checkpoint);
}
