package gov.onceonly.hub.evidence;

/**
 * What a ledger entry records: an application received, a dataset pulled, an item pushed (or a withdrawal notice), a
 * status report received, an application withdrawn by its channel, an item the hub cancelled and never sent, an
 * application rated by its applicant (好差评), a step of a rectification case (整改: opened, answered, closed), a read
 * of a subject's archive (by a channel or an operator).
 */
public enum EvidenceKind { INTAKE, PULL, PUSH, STATUS, WITHDRAWAL, CANCEL, RATING, RECTIFICATION, READ }
