package gov.onceonly.hub.proposal;

/** OPEN until the subject confirms (an application is made) or declines, or it expires. */
public enum ProposalStatus { OPEN, CONFIRMED, DECLINED, EXPIRED }
