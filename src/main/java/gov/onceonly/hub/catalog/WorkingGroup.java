package gov.onceonly.hub.catalog;

/**
 * The lead department's working group for a bundle (工作专班), which the policy asks each bundle to publish: its name,
 * the department it sits in, and how the public and the other departments reach it.
 */
public record WorkingGroup(String name, String department, String phone, String address) {
}
