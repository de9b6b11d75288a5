package gov.onceonly.hub.evidence;

/** What a ledger entry records: an application received, a dataset pulled, an item pushed, a status report received. */
public enum EvidenceKind { INTAKE, PULL, PUSH, STATUS }
